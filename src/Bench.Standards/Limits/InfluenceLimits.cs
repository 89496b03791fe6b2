using Bench.Core.Errors;
using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// Allowed variations of error for influence quantities, IEC 62053-22 0.2S/0.5S and IEC 62053-21 class 1/2
/// (shared/standards/energy-accuracy.md §9). Every figure there is (unconfirmed) and keeps the mark.
/// The variation is judged as the difference of two runs (influenced − reference conditions), where the reference
/// standard's correlated errors cancel (decision-rules.md §4).
/// </summary>
public static class InfluenceLimits
{
    private static readonly List<InfluenceLimitRow> Rows = Build();

    public static IReadOnlyList<InfluenceLimitRow> All => Rows;

    public static InfluenceLimitRow Find(string standard, string accuracyClass, InfluenceKind influence, bool unityPowerFactor, string where)
    {
        var row = Rows.FirstOrDefault(r => r.Standard.Equals(standard, StringComparison.OrdinalIgnoreCase)
            && r.AccuracyClass.Equals(accuracyClass, StringComparison.OrdinalIgnoreCase) && r.Influence == influence
            && r.UnityPowerFactor == unityPowerFactor);
        return row ?? throw new BenchInputException(where, $"{standard} class {accuracyClass}: no allowed variation recorded for {influence} at {(unityPowerFactor ? "PF 1" : "PF 0.5 L")}");
    }

    private static List<InfluenceLimitRow> Build()
    {
        var rows = new List<InfluenceLimitRow>();

        // (influence, PF 1?, clause, 0.2S, 0.5S, class 1, class 2); NaN = not given.
        (InfluenceKind Kind, bool Unity, string Clause, double[] Values)[] table =
        [
            (InfluenceKind.Voltage, true, "voltage ±10 %, Itr…Imax, PF 1", [0.1, 0.2, 0.7, 1.0]),
            (InfluenceKind.Voltage, false, "voltage ±10 %, PF 0.5 L", [0.2, 0.4, 1.0, 1.5]),
            (InfluenceKind.Frequency, true, "frequency ±2 %, PF 1", [0.1, 0.2, 0.5, 0.8]),
            (InfluenceKind.Frequency, false, "frequency ±2 %, PF 0.5 L", [0.1, 0.2, 0.7, 1.0]),
            (InfluenceKind.ReversedPhaseSequence, true, "reversed phase sequence, 0.1 In, PF 1", [0.05, 0.1, 1.5, 1.5]),
            (InfluenceKind.PhaseLoss, true, "voltage unbalance, one or two phases lost, In, PF 1", [0.5, 1.0, 2.0, 4.0]),
            (InfluenceKind.Harmonics, true, "harmonics in voltage and current circuits, 0.5 Imax, PF 1", [0.4, 0.5, 0.8, 1.0]),
        ];
        foreach (var (kind, unity, clause, values) in table)
        {
            Add(rows, "IEC 62053-22", "0.2S", kind, unity, clause, values[0]);
            Add(rows, "IEC 62053-22", "0.5S", kind, unity, clause, values[1]);
            Add(rows, "IEC 62053-21", "1", kind, unity, clause, values[2]);
            Add(rows, "IEC 62053-21", "2", kind, unity, clause, values[3]);
        }

        return rows;
    }

    private static void Add(List<InfluenceLimitRow> rows, string standard, string cls, InfluenceKind kind, bool unity, string clause, double value) =>
        rows.Add(new InfluenceLimitRow(standard, cls, kind, unity, value, new LimitSource(standard, "influence quantities: " + clause, Unconfirmed: true)));
}
