using Bench.Instruments.Profiles;

namespace Bench.Plans.Execution;

/// <summary>
/// The bench's own contributions to every point's budget, from the instrument profiles and calibration certificates
/// (relative, percent). Null figures are unknown and left out; the certificate lists only what the budget holds.
/// </summary>
public sealed record BenchUncertaintyFigures
{
    public static BenchUncertaintyFigures Unknown { get; } = new();

    /// <summary>Reference energy accuracy at PF 1 (± specification).</summary>
    public double? ReferenceAccuracyUnityPercent { get; init; }

    /// <summary>Reference energy accuracy at reduced PF (0.5 L / 0.8 C); used for every point whose PF is not 1.</summary>
    public double? ReferenceAccuracyReducedPfPercent { get; init; }

    /// <summary>Coverage factor of the accuracy figures: √3 for a rectangular maximum error, 2 for k = 2.</summary>
    public double ReferenceAccuracyCoverageFactor { get; init; } = Math.Sqrt(3);

    /// <summary>Expanded uncertainty (k = 2) of the reference's calibration certificate.</summary>
    public double? ReferenceCalibrationPercent { get; init; }

    public double? SourceStabilityPercent { get; init; }

    /// <summary>The reference's power accuracy, for instantaneous P (and Q, S) comparisons; null when its profile gives none.</summary>
    public AccuracySpec? ReferencePowerAccuracy { get; init; }

    /// <summary>The reference's voltage ranges with their stated accuracy, for instantaneous U comparisons.</summary>
    public IReadOnlyList<RangeSpec> ReferenceVoltageRanges { get; init; } = [];

    /// <summary>The reference's current ranges with their stated accuracy, for instantaneous I comparisons.</summary>
    public IReadOnlyList<RangeSpec> ReferenceCurrentRanges { get; init; } = [];

    /// <summary>The reference's stated THD accuracy, half-width in percentage points; null when its profile states none.</summary>
    public double? ReferenceThdPercentPoints { get; init; }

    /// <summary>Coverage factor of <see cref="ReferenceThdPercentPoints"/>.</summary>
    public double ReferenceThdCoverageFactor { get; init; } = 2;

    /// <summary>
    /// The reference's energy accuracy from its instrument profile (taken at full range: conservative) and the
    /// expanded uncertainty its calibration certificate states.
    /// </summary>
    public static BenchUncertaintyFigures For(InstrumentProfile reference, double? calibrationPercent) => new()
    {
        ReferenceAccuracyUnityPercent = reference.EnergyAccuracy?.AtUnityPowerFactor.PercentAtFullRange,
        ReferenceAccuracyReducedPfPercent = reference.EnergyAccuracy?.AtHalfPowerFactor.PercentAtFullRange,
        ReferenceAccuracyCoverageFactor = reference.EnergyAccuracy?.CoverageFactor ?? Math.Sqrt(3),
        ReferenceCalibrationPercent = calibrationPercent,
        ReferencePowerAccuracy = reference.PowerAccuracy,
        ReferenceVoltageRanges = reference.VoltageRanges,
        ReferenceCurrentRanges = reference.CurrentRanges,
        ReferenceThdPercentPoints = reference.Thd?.AccuracyPercentPoints,
        ReferenceThdCoverageFactor = reference.Thd?.AccuracyCoverageFactor ?? 2,
    };
}
