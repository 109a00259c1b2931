namespace ChatCoach.Core.Scripts;

/// <summary>Where the dialog scripts live and which one new conversations start (<c>ChatCoach:Dialogs</c>).</summary>
public sealed class DialogsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChatCoach:Dialogs";

    /// <summary>The folder of scripts, relative to the working directory.</summary>
    public string Path { get; set; } = "dialogs";

    /// <summary>The id of the script new conversations start.</summary>
    public string Default { get; set; } = "coach";
}
