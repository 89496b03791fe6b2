namespace Bench.Dut.Profiles;

/// <summary>
/// Units a profile may declare and their factor to Bench's base units (V, A, W, var, VA, Hz, Wh, varh, VAh, %, and 1 for PF).
/// The conversion is explicit: a register in kW is multiplied by 1000 once, here.
/// </summary>
public static class UnitConversion
{
    private static readonly Dictionary<string, (string BaseUnit, double Factor)> Units = new(StringComparer.Ordinal)
    {
        ["V"] = ("V", 1),
        ["kV"] = ("V", 1000),
        ["A"] = ("A", 1),
        ["mA"] = ("A", 0.001),
        ["W"] = ("W", 1),
        ["kW"] = ("W", 1000),
        ["var"] = ("var", 1),
        ["kvar"] = ("var", 1000),
        ["VA"] = ("VA", 1),
        ["kVA"] = ("VA", 1000),
        ["Hz"] = ("Hz", 1),
        ["Wh"] = ("Wh", 1),
        ["kWh"] = ("Wh", 1000),
        ["MWh"] = ("Wh", 1e6),
        ["varh"] = ("varh", 1),
        ["kvarh"] = ("varh", 1000),
        ["VAh"] = ("VAh", 1),
        ["kVAh"] = ("VAh", 1000),
        ["%"] = ("%", 1),
        ["1"] = ("1", 1),
    };

    public static IEnumerable<string> Known => Units.Keys;

    public static bool TryGet(string unit, out string baseUnit, out double factor)
    {
        if (Units.TryGetValue(unit, out var u))
        {
            (baseUnit, factor) = u;
            return true;
        }

        (baseUnit, factor) = (string.Empty, 0);
        return false;
    }

    public static double ToBase(string unit) => Units.TryGetValue(unit, out var u)
        ? u.Factor
        : throw new ArgumentException($"unknown unit '{unit}'", nameof(unit));

    public static string BaseUnitOf(string unit) => Units.TryGetValue(unit, out var u)
        ? u.BaseUnit
        : throw new ArgumentException($"unknown unit '{unit}'", nameof(unit));
}
