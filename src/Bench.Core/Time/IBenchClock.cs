namespace Bench.Core.Time;

/// <summary>
/// The bench's sense of time. On a real bench waiting takes real time; on the virtual bench waiting advances a virtual
/// clock that the simulated instruments share, so a 60-second integration takes milliseconds.
/// </summary>
public interface IBenchClock
{
    TimeProvider Time { get; }

    DateTimeOffset Now => Time.GetUtcNow();

    Task WaitAsync(TimeSpan duration, CancellationToken cancellationToken);
}
