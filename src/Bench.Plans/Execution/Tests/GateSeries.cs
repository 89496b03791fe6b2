using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>What repeated energy gates at one setting gave: each gate's error and the summed energies.</summary>
public sealed record GateSeries(IReadOnlyList<double> ErrorsPercent, double ReferenceEnergy, double MeterEnergy, double DurationS, double ResolutionWh)
{
    /// <summary>The error of the summed energies (= the gates' mean error weighted by energy).</summary>
    public double ErrorPercent => (MeterEnergy - ReferenceEnergy) / ReferenceEnergy * 100;

    public double? StandardDeviationPercent =>
        ErrorsPercent.Count < 2 ? null : UncertaintyComponent.ExperimentalStandardDeviation(ErrorsPercent);
}
