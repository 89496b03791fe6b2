namespace Bench.Sim.Time;

/// <summary>
/// A clock that moves only when told to: the virtual bench's time. Starts at the wall-clock time it was created
/// (so certificates carry real dates) and is advanced by <see cref="VirtualBenchClock"/>.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    public VirtualTimeProvider(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
        }
    }
}
