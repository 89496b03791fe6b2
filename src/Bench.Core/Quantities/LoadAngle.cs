using System.Globalization;

namespace Bench.Core.Quantities;

/// <summary>
/// A load point's angle as a standard's table writes it: "cos φ = 0.5 L" for active energy (IEC 62053-21/22, C12.20)
/// or "sin φ = 0.5 C" for reactive energy (IEC 62053-23/24). φ is the angle by which the current lags the voltage.
/// Unlike a power factor, "sin φ = 1 L" and "sin φ = 1 C" are different points (current 90° behind or ahead).
/// </summary>
public readonly record struct LoadAngle
{
    public LoadAngle(TrigFunction function, double value, LoadKind kind)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "cos φ and sin φ lie between 0 and 1");
        }

        Function = function;
        Value = value;
        Kind = function == TrigFunction.Cos && value == 1 ? LoadKind.Unity : kind;
        if (Kind == LoadKind.Unity && !(function == TrigFunction.Cos && value == 1))
        {
            throw new ArgumentException($"{(function == TrigFunction.Cos ? "cos" : "sin")} φ = {value} needs L or C", nameof(kind));
        }
    }

    public static LoadAngle FromPowerFactor(PowerFactor pf) => new(TrigFunction.Cos, pf.Value, pf.Kind);

    public TrigFunction Function { get; }

    public double Value { get; }

    public LoadKind Kind { get; }

    /// <summary>φ in degrees: positive when the current lags (inductive), negative when it leads.</summary>
    public double CurrentLagDegrees
    {
        get
        {
            var magnitude = (Function == TrigFunction.Cos ? Math.Acos(Value) : Math.Asin(Value)) * 180 / Math.PI;
            return Kind == LoadKind.Capacitive ? -magnitude : magnitude;
        }
    }

    /// <summary>The power factor |cos φ| at this angle, with its kind.</summary>
    public double CosPhi => Math.Cos(CurrentLagDegrees * Math.PI / 180);

    /// <summary>Parses "1", "0.5 L", "0.8C" as cos φ (or as sin φ with <paramref name="function"/>).</summary>
    public static bool TryParse(string? text, TrigFunction function, out LoadAngle angle)
    {
        angle = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().ToUpperInvariant();
        var end = t.Length;
        while (end > 0 && char.IsLetter(t[end - 1]))
        {
            end--;
        }

        var suffix = t[end..];
        var kind = suffix switch
        {
            "" => LoadKind.Unity,
            "L" or "IND" => LoadKind.Inductive,
            "C" or "CAP" => LoadKind.Capacitive,
            _ => (LoadKind?)null,
        };
        if (kind is null || !double.TryParse(t[..end].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1)
        {
            return false;
        }

        var needsKind = !(function == TrigFunction.Cos && value == 1);
        if (needsKind == (kind == LoadKind.Unity))
        {
            return false; // "0.5" alone is ambiguous; "1 L" for cos φ is not a thing
        }

        angle = new LoadAngle(function, value, kind.Value);
        return true;
    }

    public override string ToString()
    {
        var prefix = Function == TrigFunction.Cos ? "" : "sin φ ";
        var number = Value.ToString("0.###", CultureInfo.InvariantCulture);
        return Kind switch
        {
            LoadKind.Inductive => $"{prefix}{number} L",
            LoadKind.Capacitive => $"{prefix}{number} C",
            _ => prefix + number,
        };
    }
}
