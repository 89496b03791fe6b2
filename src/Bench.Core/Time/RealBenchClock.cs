namespace Bench.Core.Time;

/// <summary>Wall-clock time: waiting is a real delay.</summary>
public sealed class RealBenchClock(TimeProvider time) : IBenchClock
{
    public static RealBenchClock System { get; } = new(TimeProvider.System);

    public TimeProvider Time { get; } = time;

    public Task WaitAsync(TimeSpan duration, CancellationToken cancellationToken) =>
        duration <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(duration, Time, cancellationToken);
}
