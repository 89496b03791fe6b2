using System.Globalization;
using System.Text;
using System.Xml;

using Bench.Core.Results;
using Bench.Reports.Files;
using Bench.Reports.Text;

namespace Bench.Reports.JUnit;

/// <summary>
/// JUnit XML for CI (Jenkins, GitLab, GitHub test reporters): one testsuite per run, one testcase per point.
/// FAIL and CONDITIONAL FAIL are &lt;failure&gt;; INCOMPLETE is &lt;error&gt;, not &lt;skipped&gt;, because CI treats
/// skipped tests as harmless and missing evidence must never pass a gate; an aborted run adds an errored testcase.
/// CONDITIONAL PASS passes, with the condition in system-out. Times are bench time (the integration window).
/// </summary>
public static class JUnitWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(RunRecord run, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.WriteAllText(path, ToXml(run));
    }

    public static string ToXml(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var failures = run.Points.Count(p => p.Verdict is Verdict.Fail or Verdict.ConditionalFail);
        var errors = run.Points.Count(p => p.Verdict == Verdict.Incomplete) + (run.AbortReason is null ? 0 : 1);
        var tests = run.Points.Count + (run.AbortReason is null ? 0 : 1);
        var seconds = Math.Max(0, (run.Finished - run.Started).TotalSeconds).ToString("0.###", Inv);

        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(sb), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "bench");
            WriteCounts(xml, tests, failures, errors, seconds);
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", Safe($"{run.PlanName} ({run.Standard} class {run.AccuracyClass})"));
            xml.WriteAttributeString("id", Safe(run.RunId));
            WriteCounts(xml, tests, failures, errors, seconds);
            xml.WriteAttributeString("timestamp", run.Started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", Inv));
            xml.WriteAttributeString("hostname", Safe(run.BenchName.Length > 0 ? run.BenchName : "bench"));
            WriteProperties(xml, run);
            foreach (var point in run.Points)
            {
                JUnitTestCase.Write(xml, run, point);
            }

            if (run.AbortReason is { } abort)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", Safe(run.PlanName));
                xml.WriteAttributeString("name", "run completed");
                xml.WriteAttributeString("time", "0");
                xml.WriteStartElement("error");
                xml.WriteAttributeString("type", "ABORTED");
                xml.WriteAttributeString("message", Safe(abort));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return sb.Append('\n').ToString();
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures, int errors, string seconds)
    {
        xml.WriteAttributeString("tests", tests.ToString(Inv));
        xml.WriteAttributeString("failures", failures.ToString(Inv));
        xml.WriteAttributeString("errors", errors.ToString(Inv));
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", seconds);
    }

    private static void WriteProperties(XmlWriter xml, RunRecord run)
    {
        var d = run.Dut.Identity;
        (string Name, string? Value)[] properties =
        [
            ("run.id", run.RunId), ("plan", run.PlanName), ("standard", run.Standard), ("class", run.AccuracyClass),
            ("verdict", run.Verdict.ToWireText()),
            ("decisionRule", run.DecisionRule), ("software", run.SoftwareVersion), ("bench", run.BenchName),
            ("dut.manufacturer", d.Manufacturer), ("dut.model", d.Model), ("dut.serial", d.SerialNumber), ("dut.firmware", d.Firmware),
            ("abortReason", run.AbortReason),
        ];
        xml.WriteStartElement("properties");
        foreach (var (name, value) in properties.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            xml.WriteStartElement("property");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("value", Safe(value!));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    internal static string Safe(string text) => PointText.XmlSafe(text);

    private sealed class StringWriterUtf8(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
