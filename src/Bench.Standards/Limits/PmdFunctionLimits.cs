using Bench.Core.Errors;
using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// IEC 61557-12 intrinsic uncertainty of a PMD function (shared/standards/pmd-61557-12.md §3): a function of class c is
/// read within ±c % of reading, and may only claim the classes the standard allows it. All of it is (unconfirmed).
/// </summary>
public static class PmdFunctionLimits
{
    public const string Standard = "IEC 61557-12";

    private static readonly Dictionary<PowerQualityParameter, (string Symbol, double[] Classes)> Functions = new()
    {
        [PowerQualityParameter.Frequency] = ("f", [0.02, 0.05, 0.1, 0.2, 0.5]),
        [PowerQualityParameter.Voltage] = ("U", [0.1, 0.2, 0.5, 1, 2]),
        [PowerQualityParameter.Current] = ("I", [0.1, 0.2, 0.5, 1, 2]),
        [PowerQualityParameter.ActivePower] = ("P", [0.2, 0.5, 1, 2]),
    };

    public static PowerQualityLimit Find(PowerQualityParameter parameter, double functionClass, string where)
    {
        if (!Functions.TryGetValue(parameter, out var function))
        {
            throw new BenchInputException(where, $"{Standard}: no function class for {parameter}");
        }

        if (!function.Classes.Contains(functionClass))
        {
            throw new BenchInputException(where, $"{Standard}: function {function.Symbol} claims class {functionClass}, but may only claim {string.Join(" / ", function.Classes)}");
        }

        var source = new LimitSource(Standard, $"function {function.Symbol}, class {functionClass}: intrinsic uncertainty ±{functionClass} % of reading", Unconfirmed: true);
        return new PowerQualityLimit(parameter, functionClass.ToString(System.Globalization.CultureInfo.InvariantCulture), functionClass, "% of reading", source);
    }
}
