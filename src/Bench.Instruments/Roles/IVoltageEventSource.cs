namespace Bench.Instruments.Roles;

/// <summary>A source that can run dips, swells and interruptions on top of its steady output.</summary>
public interface IVoltageEventSource
{
    bool SupportsVoltageEvents { get; }

    /// <summary>Runs one event from the present steady output and returns once it has been started.</summary>
    Task RunVoltageEventAsync(VoltageEvent voltageEvent, CancellationToken cancellationToken);
}
