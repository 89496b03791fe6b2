using System.Globalization;

using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// Repeatability of the error at one load point (IEC 62053-2x Ed.2 has its own clause, 7.8): the experimental standard
/// deviation of repeated readings must stay a small fraction of the class. Bench takes one tenth of the class index
/// (energy-accuracy.md §10: "≈1/10 of the class", unconfirmed), so the figure carries the mark.
/// </summary>
public static class Repeatability
{
    public const int DefaultReadings = 10;

    /// <summary>The limit on the standard deviation, in % of reading: class index / 10.</summary>
    public static double LimitPercent(string accuracyClass, string where)
    {
        var index = accuracyClass.TrimEnd('S', 's');
        return double.TryParse(index, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value / 10
            : throw new Core.Errors.BenchInputException(where, $"class '{accuracyClass}' has no numeric index to take a repeatability limit from");
    }

    public static LimitSource Source(string standard) =>
        new(standard, "repeatability (Ed.2 cl. 7.8): standard deviation of repeated readings at one load point ≤ class/10", Unconfirmed: true);
}
