using System.Globalization;
using System.Text;
using System.Xml;

using Bench.Core.Results;
using Bench.Reports.Comparison;
using Bench.Reports.Files;
using Bench.Reports.Text;

namespace Bench.Reports.JUnit;

/// <summary>
/// A comparison of two runs as JUnit, so a firmware CI job can gate on drift: one testcase per point, a failure when
/// its verdict regressed or its error moved by the warning fraction of the limit or more, an error when the point is
/// missing from the candidate or INCOMPLETE in it. Plan or meter mismatches go to the suite's system-err.
/// </summary>
public static class DriftJUnitWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(ComparisonResult comparison, string path) => AtomicFile.WriteAllText(path, ToXml(comparison));

    public static string ToXml(ComparisonResult comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var outcomes = comparison.Points.Select(p => (Point: p, Outcome: Outcome(p, comparison.Options))).ToList();
        var failures = outcomes.Count(o => o.Outcome?.Element == "failure");
        var errors = outcomes.Count(o => o.Outcome?.Element == "error");
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(sb, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "bench drift");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", Safe($"drift {comparison.Baseline.RunId} → {comparison.Candidate.RunId}"));
            xml.WriteAttributeString("tests", outcomes.Count.ToString(Inv));
            xml.WriteAttributeString("failures", failures.ToString(Inv));
            xml.WriteAttributeString("errors", errors.ToString(Inv));
            xml.WriteAttributeString("skipped", "0");
            xml.WriteAttributeString("time", "0");
            xml.WriteStartElement("properties");
            Property(xml, "baseline.run", comparison.Baseline.RunId);
            Property(xml, "baseline.firmware", comparison.Baseline.DutFirmware);
            Property(xml, "candidate.run", comparison.Candidate.RunId);
            Property(xml, "candidate.firmware", comparison.Candidate.DutFirmware);
            xml.WriteEndElement();
            foreach (var (point, outcome) in outcomes)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", Safe(comparison.Candidate.Plan));
                xml.WriteAttributeString("name", Safe(point.Id));
                xml.WriteAttributeString("time", "0");
                if (outcome is { } o)
                {
                    xml.WriteStartElement(o.Element);
                    xml.WriteAttributeString("type", o.Type);
                    xml.WriteAttributeString("message", Safe(o.Message));
                    xml.WriteEndElement();
                }

                xml.WriteElementString("system-out", Safe(Summary(point)));
                xml.WriteEndElement();
            }

            if (comparison.Warnings.Count > 0)
            {
                xml.WriteElementString("system-err", Safe(string.Join("\n", comparison.Warnings)));
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb.Append('\n');
    }

    private static (string Element, string Type, string Message)? Outcome(PointDrift p, ComparisonOptions options) => p switch
    {
        { Change: VerdictChange.Removed } => ("error", "REMOVED", "point missing from the candidate run"),
        { CandidateVerdict: Verdict.Incomplete } => ("error", "INCOMPLETE", "point INCOMPLETE in the candidate run"),
        { Change: VerdictChange.Regressed } => ("failure", "REGRESSED", $"verdict {p.BaselineVerdict?.ToWireText()} → {p.CandidateVerdict?.ToWireText()}"),
        { LargeDrift: true } => ("failure", "DRIFT", string.Create(Inv,
            $"error moved {PointText.Signed(p.DriftPercent)} % ({p.DriftFractionOfLimit:0.00} of the ±{Math.Abs(p.LimitPercent):0.###} % limit; threshold {options.DriftWarningFractionOfLimit:0.##})")),
        _ => null,
    };

    private static string Summary(PointDrift p) =>
        $"baseline {PointText.Signed(p.BaselineErrorPercent)} % {p.BaselineVerdict?.ToWireText() ?? "—"}, " +
        $"candidate {PointText.Signed(p.CandidateErrorPercent)} % {p.CandidateVerdict?.ToWireText() ?? "—"}, drift {PointText.Signed(p.DriftPercent)} %";

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Safe(value));
        xml.WriteEndElement();
    }

    private static string Safe(string text) => PointText.XmlSafe(text);
}
