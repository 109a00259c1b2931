namespace ChatCoach.Discord.Emulator.RateLimits;

/// <summary>Pending injected failures (<see cref="DiscordEmulator.FailNext"/>).</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];

    public void FailNext(RoutePrefix target, int status, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _faults.Add(new Fault(target, status, count));
        }
    }

    /// <summary>The status to fail this request with, or null.</summary>
    public int? Take(string method, string relativePath)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Target.Matches(method, relativePath));
            if (fault is null)
            {
                return null;
            }

            if (--fault.Remaining == 0)
            {
                _faults.Remove(fault);
            }

            return fault.Status;
        }
    }

    private sealed class Fault(RoutePrefix target, int status, int count)
    {
        public RoutePrefix Target { get; } = target;

        public int Status { get; } = status;

        public int Remaining { get; set; } = count;
    }
}
