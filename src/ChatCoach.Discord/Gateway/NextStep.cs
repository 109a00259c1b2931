namespace ChatCoach.Discord.Gateway;

// What the client does after a connection ends.
internal enum NextStep
{
    Resume,
    Identify,
    Fatal,
    Stopped,
}
