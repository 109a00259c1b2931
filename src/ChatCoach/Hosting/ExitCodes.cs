namespace ChatCoach.Hosting;

/// <summary>The process exit codes, for scripts and supervisors.</summary>
internal static class ExitCodes
{
    public const int Failed = 1;

    public const int BadConfiguration = 2;
}
