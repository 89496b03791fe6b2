using System.Globalization;

using Bench.Core.Errors;

namespace Bench.Plans.Model;

/// <summary>
/// A value a plan writes relative to the meter's ratings, as the standards do: "0.05 In", "Imax", "Ist", "1.1 Un", "fn",
/// or absolute: "5 A", "5 mA", "230 V", "50 Hz".
/// </summary>
public sealed record RatedValue(double Factor, string Base)
{
    private static readonly Dictionary<string, (string Base, double Scale)> Units = new(StringComparer.Ordinal)
    {
        ["In"] = ("In", 1),
        ["Ib"] = ("In", 1),
        ["Imax"] = ("Imax", 1),
        ["Ist"] = ("Ist", 1),
        ["Itr"] = ("Itr", 1),
        ["Imin"] = ("Imin", 1),
        ["A"] = ("A", 1),
        ["mA"] = ("A", 1e-3),
        ["Un"] = ("Un", 1),
        ["V"] = ("V", 1),
        ["kV"] = ("V", 1e3),
        ["fn"] = ("fn", 1),
        ["Hz"] = ("Hz", 1),
    };

    /// <summary>Parses "0.05 In", "0.05In", "Imax", "5 mA"; <paramref name="allowed"/> lists the bases this field accepts.</summary>
    public static RatedValue Parse(string text, string where, params string[] allowed)
    {
        var t = text.Trim();
        // No unit starts with "e", so the first other letter ends the number (which may be "1e-3").
        var split = 0;
        while (split < t.Length && !(char.IsLetter(t[split]) && t[split] is not ('e' or 'E')))
        {
            split++;
        }

        var number = t[..split].Trim();
        var unit = t[split..].Trim();
        var factor = 1.0;
        if (number.Length > 0 && !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out factor))
        {
            throw new BenchInputException(where, $"'{text}' is not a number followed by one of {string.Join(", ", allowed)}");
        }

        if (!Units.TryGetValue(unit, out var u) || !allowed.Contains(u.Base))
        {
            throw new BenchInputException(where, $"'{text}': expected a number followed by one of {string.Join(", ", allowed)}");
        }

        if (factor < 0 || !double.IsFinite(factor))
        {
            throw new BenchInputException(where, $"'{text}' must not be negative");
        }

        return new RatedValue(factor * u.Scale, u.Base);
    }

    public override string ToString() => Base is "A" or "V" or "Hz"
        ? $"{Factor.ToString("0.######", CultureInfo.InvariantCulture)} {Base}"
        : Factor == 1 ? Base : $"{Factor.ToString("0.######", CultureInfo.InvariantCulture)} {Base}";
}
