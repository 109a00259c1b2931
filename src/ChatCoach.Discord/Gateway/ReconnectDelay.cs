namespace ChatCoach.Discord.Gateway;

internal enum ReconnectDelay
{
    // Discord asked for it (op 7) or we detected a zombie: the session is fine, reconnect at once.
    None,

    // Something failed: exponential backoff with jitter.
    Backoff,

    // Invalid session: random 1–5 s before a fresh Identify, as the old docs asked.
    InvalidSession,
}
