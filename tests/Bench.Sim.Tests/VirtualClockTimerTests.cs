using Bench.Sim.Time;

namespace Bench.Sim.Tests;

/// <summary>Timers on the virtual bench's clock fire while it is advanced, in order and at their due time.</summary>
public class VirtualClockTimerTests
{
    [Test]
    public void Advancing_fires_due_timers_at_their_due_time_and_not_later_ones()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var time = new VirtualTimeProvider(start);
        var fired = new List<(string Name, TimeSpan At)>();
        using var late = time.CreateTimer(_ => fired.Add(("late", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(0.3), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => fired.Add(("early", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(0.1), Timeout.InfiniteTimeSpan);
        using var never = time.CreateTimer(_ => fired.Add(("never", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(0.2), Timeout.InfiniteTimeSpan);
        never.Dispose();

        time.Advance(TimeSpan.FromSeconds(0.25));
        Assert.That(fired, Is.EqualTo(new[] { ("early", TimeSpan.FromSeconds(0.1)) }));
        Assert.That(time.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromSeconds(0.25)));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(fired.Select(f => f.Name), Is.EqualTo(new[] { "early", "late" }));
        Assert.That(fired[1].At, Is.EqualTo(TimeSpan.FromSeconds(0.3)));
        Assert.That(time.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromSeconds(1.25)));
    }

    [Test]
    public void A_periodic_timer_fires_once_per_period()
    {
        var time = new VirtualTimeProvider(DateTimeOffset.UnixEpoch);
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(3.5));
        Assert.That(count, Is.EqualTo(3));
    }
}
