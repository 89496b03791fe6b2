using System.Globalization;
using System.Text;

using Bench.Core.Results;

namespace Bench.Reports.Text;

/// <summary>Short one-line descriptions of a point shared by the JUnit, comparison and text outputs (invariant culture).</summary>
internal static class PointText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Setpoint(PointSetpoint s) => string.Create(Inv,
        $"{s.VoltageV:0.###} V, {s.CurrentA:0.####} A ({s.CurrentPercentOfNominal:0.###} % In), {PowerFactor(s.PowerFactor)}, {s.FrequencyHz:0.###} Hz, {s.Phases}");

    /// <summary>"PF 0.5 L" for a power factor; a reactive-energy plan's "sin φ 0.5 L" keeps its own name.</summary>
    public static string PowerFactor(string pf) => pf.StartsWith("sin", StringComparison.OrdinalIgnoreCase) ? pf : "PF " + pf;

    /// <summary>The unit of a point's energies: varh for reactive, VAh for apparent, else Wh (results.json keeps the keys referenceWh/meterWh).</summary>
    public static string EnergyUnit(string quantity) =>
        quantity.Contains("reactive", StringComparison.OrdinalIgnoreCase) ? "varh"
        : quantity.Contains("apparent", StringComparison.OrdinalIgnoreCase) ? "VAh"
        : "Wh";

    public static string Number(double? value, string format = "0.000") => value is { } v ? v.ToString(format, Inv) : "n/a";

    public static string Signed(double? value, string format = "+0.000;-0.000;0.000") => value is { } v ? v.ToString(format, Inv) : "n/a";

    /// <summary>"error -0.231 % outside ±0.200 %"-style summary of the decision at a point.</summary>
    public static string Decision(PointResult p)
    {
        if (p.ErrorPercent is not { } e)
        {
            return $"{p.Verdict.ToWireText()}: {p.Reason ?? "no measurement"}";
        }

        var within = Math.Abs(e) <= Math.Abs(p.LimitPercent) ? "within" : "outside";
        var text = $"{p.Verdict.ToWireText()}: error {Signed(e)} % {within} ±{Number(Math.Abs(p.LimitPercent))} %";
        if (p.LimitSource?.Unconfirmed == true)
        {
            text += " (unconfirmed)";
        }

        if (p.UncertaintyPercent is { } u)
        {
            text += $", U = {Number(u)} % (k = {Number(p.CoverageFactor ?? 2, "0.##")})";
        }

        if (p.Tur is { } tur)
        {
            text += string.Create(Inv, $", TUR {tur:0.0}");
        }

        return text;
    }

    /// <summary>Replaces characters XML 1.0 cannot carry (a garbled instrument reply may hold any byte) with \xNN escapes.</summary>
    public static string XmlSafe(string text)
    {
        if (text.All(XmlAllowed))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            sb.Append(XmlAllowed(c) ? c.ToString() : $"\\x{(int)c:X2}");
        }

        return sb.ToString();
    }

    private static bool XmlAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || char.IsSurrogate(c);
}
