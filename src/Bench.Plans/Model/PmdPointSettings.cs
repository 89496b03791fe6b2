using Bench.Core.Quantities;
using Bench.Standards.Limits;

namespace Bench.Plans.Model;

/// <summary>
/// What an IEC 61557-12 function point adds to its load point: the function compared, the harmonics the source adds
/// (THD points) and the voltage unbalance it sets (unbalance points: L1 raised by 2u, L2 and L3 lowered by u).
/// </summary>
public sealed record PmdPointSettings(PmdFunction Function)
{
    public IReadOnlyList<HarmonicComponent> VoltageHarmonics { get; init; } = [];

    public IReadOnlyList<HarmonicComponent> CurrentHarmonics { get; init; } = [];

    /// <summary>Largest deviation of a phase voltage from the mean, in percent of the mean.</summary>
    public double VoltageUnbalancePercent { get; init; }
}
