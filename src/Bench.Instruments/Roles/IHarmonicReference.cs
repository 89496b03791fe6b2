namespace Bench.Instruments.Roles;

/// <summary>
/// Optional capability of a reference standard: THD of the phase voltages and currents. A reference without it
/// (<see cref="SupportsThd"/> false) leaves THD functions to be judged against the harmonic content the source is set to.
/// </summary>
public interface IHarmonicReference
{
    bool SupportsThd { get; }

    /// <summary>Half-width of the stated THD accuracy in percentage points, and its coverage factor; null when not stated.</summary>
    (double HalfWidthPercentPoints, double CoverageFactor)? ThdAccuracy { get; }

    Task<ReferenceThd> MeasureThdAsync(CancellationToken cancellationToken);
}
