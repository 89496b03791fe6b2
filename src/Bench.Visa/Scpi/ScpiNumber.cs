using System.Globalization;

namespace Bench.Visa.Scpi;

/// <summary>
/// Numbers as SCPI writes them: always invariant culture (a "1,5" on the wire energizes the wrong value),
/// NR1/NR2/NR3 on input, and the instrument's overflow markers recognised.
/// </summary>
public static class ScpiNumber
{
    /// <summary>Shortest text that round-trips, e.g. 230, 0.5, 1E-05.</summary>
    public static string Format(double value) => Format(value, null);

    /// <summary>Formats with a .NET numeric format such as "F3" or "E6"; null = round-trip.</summary>
    public static string Format(double value, string? format)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "SCPI has no representation for NaN or infinity");
        }

        return (value == 0 ? 0 : value).ToString(string.IsNullOrEmpty(format) ? "R" : format, CultureInfo.InvariantCulture);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        if (text.Equals("NAN", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>9.9E37 and 9.91E37 mean overflow / not a number on most instruments.</summary>
    public static bool IsOverflowMarker(double value) => Math.Abs(value) >= 9.9e37;
}
