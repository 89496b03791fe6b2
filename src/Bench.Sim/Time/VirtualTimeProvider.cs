namespace Bench.Sim.Time;

/// <summary>
/// A clock that moves only when told to: the virtual bench's time. Starts at the wall-clock time it was created
/// (so certificates carry real dates) and is advanced by <see cref="VirtualBenchClock"/>. Timers run on this time:
/// advancing fires each due timer in order, with the clock standing at its due time (a dip ends when it should, on
/// bench time, not after some wall-clock delay).
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<VirtualTimer> _timers = [];
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
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        // Callbacks run outside the lock: they may program the grid, which reads the time.
        while (NextDue(target) is { } timer)
        {
            timer.Fire();
        }

        lock (_gate)
        {
            if (_now < target)
            {
                _now = target;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private VirtualTimer? NextDue(DateTimeOffset target)
    {
        lock (_gate)
        {
            var next = _timers.Where(t => t.Due <= target).OrderBy(t => t.Due).FirstOrDefault();
            if (next is null)
            {
                return null;
            }

            if (next.Due > _now)
            {
                _now = next.Due;
            }

            if (next.Period > TimeSpan.Zero)
            {
                next.Due += next.Period;
            }
            else
            {
                _timers.Remove(next);
            }

            return next;
        }
    }

    private void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.Due = _now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            _timers.Add(timer);
        }
    }

    private sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Schedule(this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
