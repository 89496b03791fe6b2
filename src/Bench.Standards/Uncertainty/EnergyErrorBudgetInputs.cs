namespace Bench.Standards.Uncertainty;

/// <summary>
/// What is known about one energy-error point for its budget. Figures are relative, in percent of the energy.
/// Null figures are left out of the budget (and the certificate lists only what was included).
/// </summary>
public sealed record EnergyErrorBudgetInputs
{
    /// <summary>Reference standard's energy accuracy for the range and PF in use, as a ± specification.</summary>
    public double? ReferenceSpecificationPercent { get; init; }

    /// <summary>The coverage factor the maker states the specification at: √3 for a rectangular maximum error (the default), 2 for k = 2.</summary>
    public double ReferenceSpecificationCoverageFactor { get; init; } = Math.Sqrt(3);

    /// <summary>Expanded uncertainty of the reference's calibration certificate, with its coverage factor.</summary>
    public double? ReferenceCalibrationPercent { get; init; }

    public double ReferenceCalibrationCoverageFactor { get; init; } = 2;

    /// <summary>Source amplitude/phase stability over a gate, as ± (rectangular).</summary>
    public double? SourceStabilityPercent { get; init; }

    /// <summary>The meter's energy register step, in Wh, and the energy it registered over one gate.</summary>
    public double MeterResolutionWh { get; init; }

    public double MeterEnergyWh { get; init; }

    /// <summary>Errors of the repeated gates (percent); two or more give a Type A component.</summary>
    public IReadOnlyList<double> RepeatedErrorsPercent { get; init; } = [];
}
