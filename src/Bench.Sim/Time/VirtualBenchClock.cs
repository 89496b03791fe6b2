using Bench.Core.Time;

namespace Bench.Sim.Time;

/// <summary>Waiting on the virtual bench advances its clock at once: settling and integration gates cost no wall time.</summary>
public sealed class VirtualBenchClock(VirtualTimeProvider time) : IBenchClock
{
    public TimeProvider Time => time;

    public Task WaitAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (duration > TimeSpan.Zero)
        {
            time.Advance(duration);
        }

        return Task.CompletedTask;
    }
}
