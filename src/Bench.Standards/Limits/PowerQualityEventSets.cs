namespace Bench.Standards.Limits;

/// <summary>
/// Named sets of voltage events a plan can run in one sequence: the IEC 61000-4-11 Ed.2 test levels (Table 1 dips,
/// Table 2 short interruptions) for environment classes 2 and 3, as residual voltage in % and duration in cycles at
/// 50 Hz / 60 Hz. Recalled, not checked against the standard: (unconfirmed).
/// </summary>
public static class PowerQualityEventSets
{
    public sealed record Level(double ResidualPercent, double Cycles50Hz, double Cycles60Hz);

    private static readonly Dictionary<string, Level[]> Sets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iec61000-4-11-class2"] =
        [
            new(0, 0.5, 0.5), new(0, 1, 1), new(70, 25, 30),
            new(0, 250, 300),
        ],
        ["iec61000-4-11-class3"] =
        [
            new(0, 0.5, 0.5), new(0, 1, 1), new(40, 10, 12), new(70, 25, 30), new(80, 250, 300),
            new(0, 250, 300),
        ],
    };

    public const string Clause = "IEC 61000-4-11 Ed.2 Tables 1 and 2 test levels (unconfirmed)";

    public static IEnumerable<string> Names => Sets.Keys;

    public static IReadOnlyList<Level>? Find(string name) => Sets.TryGetValue(name.Trim(), out var levels) ? levels : null;
}
