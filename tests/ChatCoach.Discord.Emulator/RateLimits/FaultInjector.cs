namespace ChatCoach.Discord.Emulator.RateLimits;

/// <summary>
/// Pending injected failures: before processing (<see cref="DiscordEmulator.FailNext"/>), after processing
/// (<see cref="DiscordEmulator.FaultAfterProcessing"/>), and requests held before processing (<see cref="DiscordEmulator.HoldNext"/>).
/// </summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<Fault<int>> _before = [];
    private readonly List<Fault<AfterwardsFault>> _after = [];
    private readonly List<Fault<HeldRequest>> _holds = [];

    public void FailNext(RoutePrefix target, int status, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        Add(_before, target, status, count);
    }

    public void FaultAfter(RoutePrefix target, AfterwardsFault fault, int count) => Add(_after, target, fault, count);

    public HeldRequest Hold(RoutePrefix target)
    {
        var held = new HeldRequest();
        Add(_holds, target, held, 1);
        return held;
    }

    /// <summary>The status to fail this request with before processing it, or null.</summary>
    public int? Take(string method, string relativePath) => Take(_before, method, relativePath, out var status) ? status : null;

    /// <summary>What to do to this request's answer after processing it, or null.</summary>
    public AfterwardsFault? TakeAfter(string method, string relativePath) => Take(_after, method, relativePath, out var fault) ? fault : null;

    /// <summary>The hold this request waits on, or null.</summary>
    public HeldRequest? TakeHold(string method, string relativePath) => Take(_holds, method, relativePath, out var held) ? held : null;

    private void Add<T>(List<Fault<T>> faults, RoutePrefix target, T what, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            faults.Add(new Fault<T>(target, what, count));
        }
    }

    private bool Take<T>(List<Fault<T>> faults, string method, string relativePath, out T what)
    {
        lock (_gate)
        {
            var fault = faults.FirstOrDefault(f => f.Target.Matches(method, relativePath));
            what = fault is null ? default! : fault.What;
            if (fault is null)
            {
                return false;
            }

            if (--fault.Remaining == 0)
            {
                faults.Remove(fault);
            }

            return true;
        }
    }

    private sealed class Fault<T>(RoutePrefix target, T what, int count)
    {
        public RoutePrefix Target { get; } = target;

        public T What { get; } = what;

        public int Remaining { get; set; } = count;
    }
}
