namespace Bench.Plans.Model;

/// <summary>One instrument of a bench profile: its instrument profile, where to reach it, and its calibration.</summary>
public sealed record BenchInstrument(string Role, string ProfilePath, string Resource, string Where)
{
    public string? CalibrationCertificate { get; init; }

    public DateOnly? CalibratedOn { get; init; }

    public DateOnly? CalibrationDue { get; init; }

    /// <summary>Expanded uncertainty (k = 2) the calibration certificate states for energy, in percent.</summary>
    public double? CalibrationUncertaintyPercent { get; init; }
}
