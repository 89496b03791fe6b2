using System.Globalization;

namespace Bench.Core.Quantities;

/// <summary>
/// A displacement power factor as test standards write it: "0.5 L", "0.8 C", "1".
/// The angle convention is the one of IEC 62053: φ is the angle by which the current lags the voltage.
/// </summary>
public readonly record struct PowerFactor
{
    public PowerFactor(double value, LoadKind kind)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a power factor lies between 0 and 1");
        }

        Value = value;
        Kind = value == 1 ? LoadKind.Unity : kind;
    }

    public static PowerFactor Unity => new(1, LoadKind.Unity);

    public double Value { get; }

    public LoadKind Kind { get; }

    /// <summary>Angle by which the current lags the voltage, in degrees: positive inductive, negative capacitive.</summary>
    public double CurrentLagDegrees => Kind switch
    {
        LoadKind.Inductive => Math.Acos(Value) * 180 / Math.PI,
        LoadKind.Capacitive => -Math.Acos(Value) * 180 / Math.PI,
        _ => 0,
    };

    /// <summary>Parses "1", "0.5L", "0.5 L", "0.8C", "0.8 cap", "0.5 ind" (invariant culture).</summary>
    public static bool TryParse(string? text, out PowerFactor pf)
    {
        pf = Unity;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().ToUpperInvariant();
        var kind = LoadKind.Unity;
        var digits = t.TrimEnd('L', 'C', 'I', 'N', 'D', 'A', 'P', ' ');
        var suffix = t[digits.Length..].Trim();
        if (suffix is "L" or "IND")
        {
            kind = LoadKind.Inductive;
        }
        else if (suffix is "C" or "CAP")
        {
            kind = LoadKind.Capacitive;
        }
        else if (suffix.Length > 0)
        {
            return false;
        }

        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 1)
        {
            return false;
        }

        if (value < 1 && kind == LoadKind.Unity)
        {
            return false; // "0.5" alone is ambiguous: the standard always says L or C
        }

        pf = new PowerFactor(value, kind);
        return true;
    }

    public override string ToString() => Kind switch
    {
        LoadKind.Inductive => Value.ToString("0.###", CultureInfo.InvariantCulture) + " L",
        LoadKind.Capacitive => Value.ToString("0.###", CultureInfo.InvariantCulture) + " C",
        _ => "1",
    };
}
