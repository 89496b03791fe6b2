using Bench.Core.Quantities;

namespace Bench.Plans.Model;

/// <summary>
/// What a power-quality point adds to the steady source setting: voltage harmonics (every phase, in % of the
/// fundamental), negative-sequence unbalance u2, a flicker modulation, or a sequence of voltage events.
/// </summary>
public sealed record PowerQualityStimulus
{
    public IReadOnlyList<HarmonicComponent> VoltageHarmonics { get; init; } = [];

    /// <summary>For a harmonic point: the order whose magnitude is compared.</summary>
    public int? HarmonicOrder { get; init; }

    /// <summary>u2 = U2/U1 in percent, made by adding a negative-sequence voltage to the balanced setting.</summary>
    public double? UnbalancePercent { get; init; }

    /// <summary>Rectangular modulation: changes per minute and ΔU/U in percent (IEC 61000-4-15 Table 5).</summary>
    public (double ChangesPerMinute, double DeltaUPercent)? Flicker { get; init; }

    public IReadOnlyList<PlannedVoltageEvent> Events { get; init; } = [];

    /// <summary>
    /// How far a logged event's start may lie from the trigger, replacing the class's clock + detection figure (for a
    /// meter whose clock is not synchronised with the bench's); null = the class default.
    /// </summary>
    public double? StartToleranceS { get; init; }

    /// <summary>The meter's clock is not synchronised with the bench's: its offset is estimated from the sequence and removed.</summary>
    public bool MeterClockUnsynchronised { get; init; }

    /// <summary>Whether the meter's waveform records made during the sequence are fetched and checked (events points).</summary>
    public EventRecordsMode Records { get; init; }

    /// <summary>Name of the test-level set the events come from (e.g. iec61000-4-11-class3); null for a written sequence.</summary>
    public string? EventSet { get; init; }
}
