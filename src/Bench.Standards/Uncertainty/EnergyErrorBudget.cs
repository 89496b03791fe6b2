namespace Bench.Standards.Uncertainty;

/// <summary>
/// The budget of an energy-error point (shared/standards/decision-rules.md §3–4): the reference standard's accuracy
/// and calibration, the source's stability, the meter's register resolution and the spread of repeated gates.
/// </summary>
public static class EnergyErrorBudget
{
    public static UncertaintyBudget Build(EnergyErrorBudgetInputs inputs)
    {
        var components = new List<UncertaintyComponent>();
        if (inputs.ReferenceSpecificationPercent is { } spec)
        {
            const string name = "Reference standard accuracy (specification, range and PF in use)";
            var k = inputs.ReferenceSpecificationCoverageFactor;
            components.Add(Math.Abs(k - Math.Sqrt(3)) < 1e-12
                ? UncertaintyComponent.Rectangular(name, spec)
                : UncertaintyComponent.FromCertificate(name, spec, k));
        }

        if (inputs.ReferenceCalibrationPercent is { } cal)
        {
            components.Add(UncertaintyComponent.FromCertificate("Reference standard calibration (certificate)", cal, inputs.ReferenceCalibrationCoverageFactor));
        }

        if (inputs.SourceStabilityPercent is { } stability)
        {
            components.Add(UncertaintyComponent.Rectangular("Source stability during the gate", stability));
        }

        if (inputs.MeterResolutionWh > 0 && inputs.MeterEnergyWh > 0)
        {
            // ±1 register step over the registered energy (decision-rules.md §3: a = 100/N %, rectangular).
            components.Add(UncertaintyComponent.Rectangular("Meter register resolution (±1 step)", 100 * inputs.MeterResolutionWh / inputs.MeterEnergyWh));
        }

        if (inputs.RepeatedErrorsPercent.Count >= 2)
        {
            components.Add(UncertaintyComponent.Repeatability($"Repeatability, {inputs.RepeatedErrorsPercent.Count} gates (Type A)", inputs.RepeatedErrorsPercent));
        }

        return new UncertaintyBudget(components);
    }
}
