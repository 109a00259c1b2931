namespace ChatCoach.Terminal;

/// <summary>Who is chatting in the terminal, and on which script a new conversation starts.</summary>
internal sealed record TerminalOptions(string User, string? Script);
