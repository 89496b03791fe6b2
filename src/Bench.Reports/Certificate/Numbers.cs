using System.Globalization;

namespace Bench.Reports.Certificate;

/// <summary>How numbers read on a certificate: invariant culture whatever the machine's locale, fixed decimals per quantity.</summary>
internal static class Numbers
{
    public const string Missing = "—";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(Inv), Inv);

    public static string Fixed(double? value, int decimals) => value is { } v ? Fixed(v, decimals) : Missing;

    /// <summary>"+0.112", "-0.231"; a value that rounds to zero prints "0.000", never "-0.000".</summary>
    public static string Signed(double? value, int decimals)
    {
        if (value is not { } v)
        {
            return Missing;
        }

        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        return rounded == 0 ? Fixed(0.0, decimals) : (rounded > 0 ? "+" : "") + Fixed(rounded, decimals);
    }

    /// <summary>
    /// Decimals for an error, its limit and its uncertainty: three, or more when the limit is small enough that three
    /// would round every error to zero (a power factor's ±0.005, THD in percentage points), so the limit always shows
    /// two significant digits below its own and an error of a tenth of it stays visible.
    /// </summary>
    public static int ErrorDecimals(double limit) =>
        limit == 0 || !double.IsFinite(limit) ? 3 : Math.Clamp((int)Math.Ceiling(-Math.Log10(Math.Abs(limit))) + 2, 3, 6);

    /// <summary>Six significant digits without an exponent, for energies from mWh to MWh.</summary>
    public static string Energy(double? value)
    {
        if (value is not { } v)
        {
            return Missing;
        }

        var magnitude = v == 0 ? 0 : (int)Math.Floor(Math.Log10(Math.Abs(v)));
        return Fixed(v, Math.Clamp(5 - magnitude, 0, 6));
    }

    public static string Current(double amps) => Fixed(amps, amps < 0.1 ? 4 : 3);

    public static string Compact(double value) => value.ToString("0.###", Inv);

    public static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", Inv);

    public static string DateTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Inv) + " UTC";

    public static string Date(DateOnly? d) => d is { } v ? v.ToString("yyyy-MM-dd", Inv) : Missing;
}
