namespace ChatCoach.Discord.Emulator;

/// <summary>
/// An option a simulated user fills in. The option type comes from the registered command
/// (so a string can be a user id for a USER option); nested <see cref="Options"/> make sub-commands.
/// </summary>
public sealed record CommandOptionValue(string Name, object? Value = null, IReadOnlyList<CommandOptionValue>? Options = null)
{
    /// <summary>A sub-command (or group) with its own options.</summary>
    public static CommandOptionValue Sub(string name, params CommandOptionValue[] options) => new(name, null, options);
}
