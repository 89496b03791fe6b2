using Bench.Core.Quantities;
using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// One row of an energy-meter accuracy table: a current range in multiples of In (upper bound Imax when
/// <see cref="UpToImax"/>), the load angles and connection it covers, and the limit of error in percent for one class.
/// </summary>
public sealed record EnergyLimitRow(
    string AccuracyClass,
    double FromInFraction,
    double ToInFraction,
    bool UpToImax,
    IReadOnlyList<LoadAngle> Angles,
    LoadConnection Load,
    double LimitPercent,
    LimitSource Source)
{
    public bool Covers(double currentA, double nominalA, double maximumA, LoadAngle angle, LoadConnection load)
    {
        var fraction = currentA / nominalA;
        const double tolerance = 1e-9;
        var aboveLower = fraction >= FromInFraction - tolerance;
        var belowUpper = UpToImax ? currentA <= maximumA * (1 + tolerance) : fraction < ToInFraction - tolerance;
        return load == Load && aboveLower && belowUpper && Angles.Any(a => Same(a, angle));
    }

    private static bool Same(LoadAngle a, LoadAngle b) => a.Function == b.Function && a.Kind == b.Kind && Math.Abs(a.Value - b.Value) < 1e-6;
}
