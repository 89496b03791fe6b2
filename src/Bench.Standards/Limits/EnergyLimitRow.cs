using Bench.Core.Quantities;
using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// One row of an energy-meter accuracy table: a current range in multiples of In (upper bound Imax when
/// <see cref="UpToImax"/>), the power factors it covers, and the limit of error in percent for one class.
/// </summary>
public sealed record EnergyLimitRow(
    string AccuracyClass,
    double FromInFraction,
    double ToInFraction,
    bool UpToImax,
    IReadOnlyList<PowerFactor> PowerFactors,
    double LimitPercent,
    LimitSource Source)
{
    public bool Covers(double currentA, double nominalA, double maximumA, PowerFactor pf)
    {
        var fraction = currentA / nominalA;
        const double tolerance = 1e-9;
        var aboveLower = fraction >= FromInFraction - tolerance;
        var belowUpper = UpToImax ? currentA <= maximumA * (1 + tolerance) : fraction < ToInFraction - tolerance;
        return aboveLower && belowUpper && PowerFactors.Any(p => SamePowerFactor(p, pf));
    }

    private static bool SamePowerFactor(PowerFactor a, PowerFactor b) =>
        a.Kind == b.Kind && Math.Abs(a.Value - b.Value) < 1e-6;
}
