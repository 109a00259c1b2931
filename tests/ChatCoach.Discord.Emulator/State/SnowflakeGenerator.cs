namespace ChatCoach.Discord.Emulator.State;

/// <summary>
/// Makes Discord-shaped snowflakes from the emulator clock, so clients that derive creation
/// time from ids (discord.js does) see consistent values. Strictly increasing.
/// </summary>
internal sealed class SnowflakeGenerator(TimeProvider time)
{
    private static readonly DateTimeOffset DiscordEpoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Lock _gate = new();
    private long _last;

    public string Next()
    {
        var milliseconds = (long)(time.GetUtcNow() - DiscordEpoch).TotalMilliseconds;
        var candidate = milliseconds << 22;
        lock (_gate)
        {
            _last = Math.Max(candidate, _last + 1);
            return _last.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
