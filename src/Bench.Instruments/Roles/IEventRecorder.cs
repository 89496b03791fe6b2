namespace Bench.Instruments.Roles;

/// <summary>
/// A reference standard that detects voltage events itself (IEC 61000-4-30 §5.4: Urms(1/2) against the declared
/// voltage): armed before a sequence, read after it. Optional: a profile without an 'events' section offers none.
/// </summary>
public interface IEventRecorder
{
    bool SupportsEvents { get; }

    /// <summary>Clears the instrument's event list and starts detection against <paramref name="declaredVoltageV"/>.</summary>
    Task ArmEventsAsync(double declaredVoltageV, CancellationToken cancellationToken);

    /// <summary>The events closed since the last arm, oldest first.</summary>
    Task<IReadOnlyList<MeasuredVoltageEvent>> ReadEventsAsync(CancellationToken cancellationToken);
}
