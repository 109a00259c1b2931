namespace ChatCoach.Configuration;

/// <summary>The <c>ChatCoach:Clock</c> section: lets moderators try a script on another day (the next season).</summary>
internal sealed class ClockOptions
{
    public const string Section = "ChatCoach:Clock";

    /// <summary>The day <c>chat</c>, <c>dialogs validate</c> and <c>dialogs test</c> take as today; unset: the real date.</summary>
    public DateOnly? Today { get; set; }

    /// <summary>The clock the host uses: the system's, or one that starts on <see cref="Today"/> and runs on from there.</summary>
    public TimeProvider Clock(TimeProvider system) => Today is { } today ? new ShiftedClock(system, today) : system;

    /// <summary>Time runs as usual, shifted so that it starts on the configured day at the current time of day.</summary>
    private sealed class ShiftedClock(TimeProvider system, DateOnly today) : TimeProvider
    {
        private readonly TimeSpan _shift =
            new DateTimeOffset(today.ToDateTime(TimeOnly.FromDateTime(system.GetUtcNow().UtcDateTime)), TimeSpan.Zero) - system.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + _shift;

        public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;
    }
}
