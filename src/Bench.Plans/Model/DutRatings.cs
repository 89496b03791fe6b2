namespace Bench.Plans.Model;

/// <summary>The meter's ratings a plan's relative values resolve against (from the DUT profile).</summary>
public sealed record DutRatings(
    double NominalCurrentA,
    double MaximumCurrentA,
    double StartingCurrentA,
    double NominalVoltageV,
    double NominalFrequencyHz,
    string AccuracyClass)
{
    /// <summary>Meter constant of the pulse output (impulses per kWh); null when the meter has none.</summary>
    public double? PulseConstantImpPerKwh { get; init; }

    /// <summary>Imin and Itr of IEC 62052-11 Ed.2 for transformer-operated meters (0.01 In and 0.05 In; energy-accuracy.md §2).</summary>
    public double Resolve(RatedValue value) => value.Base switch
    {
        "In" => value.Factor * NominalCurrentA,
        "Imax" => value.Factor * MaximumCurrentA,
        "Ist" => value.Factor * StartingCurrentA,
        "Imin" => value.Factor * 0.01 * NominalCurrentA,
        "Itr" => value.Factor * 0.05 * NominalCurrentA,
        "Un" => value.Factor * NominalVoltageV,
        "fn" => value.Factor * NominalFrequencyHz,
        _ => value.Factor,
    };
}
