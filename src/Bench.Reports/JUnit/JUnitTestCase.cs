using System.Globalization;
using System.Xml;

using Bench.Core.Results;
using Bench.Reports.Text;

namespace Bench.Reports.JUnit;

/// <summary>One point as a JUnit testcase: name carries the load point, the body the decision and the measured values.</summary>
internal static class JUnitTestCase
{
    public static void Write(XmlWriter xml, RunRecord run, PointResult p)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", JUnitWriter.Safe($"{run.PlanName}.{p.Quantity}"));
        xml.WriteAttributeString("name", JUnitWriter.Safe(
            string.Create(CultureInfo.InvariantCulture, $"{p.Id} ({p.Setpoint.CurrentPercentOfNominal:0.###} % In, {PointText.PowerFactor(p.Setpoint.PowerFactor)})")));
        xml.WriteAttributeString("time", (p.DurationS ?? 0).ToString("0.###", CultureInfo.InvariantCulture));
        var decision = PointText.Decision(p);
        switch (p.Verdict)
        {
            case Verdict.Fail or Verdict.ConditionalFail:
                Outcome(xml, "failure", p.Verdict.ToWireText(), decision);
                break;
            case Verdict.Incomplete:
                Outcome(xml, "error", "INCOMPLETE", p.Reason ?? "no measurement");
                break;
        }

        xml.WriteElementString("system-out", JUnitWriter.Safe(Details(p, decision)));
        xml.WriteEndElement();
    }

    private static void Outcome(XmlWriter xml, string element, string type, string message)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("message", JUnitWriter.Safe(message));
        xml.WriteEndElement();
    }

    private static string Details(PointResult p, string decision)
    {
        var lines = new List<string>
        {
            decision,
            "setpoint: " + PointText.Setpoint(p.Setpoint),
            $"reference: {PointText.Number(p.ReferenceWh, "0.######")} {PointText.EnergyUnit(p.Quantity)}, meter: {PointText.Number(p.MeterWh, "0.######")} {PointText.EnergyUnit(p.Quantity)}",
        };
        if (p.Repeats > 1)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"repeats: {p.Repeats}, s = {PointText.Number(p.StandardDeviationPercent, "0.####")} %"));
        }

        foreach (var b in p.Budget ?? [])
        {
            lines.Add($"budget: {b.Name} (type {b.Type}, {b.Distribution}) stated {PointText.Number(b.StatedPercent, "0.####")} %, u = {PointText.Number(b.StandardUncertaintyPercent, "0.####")} %");
        }

        if (p.LimitSource is not null)
        {
            lines.Add("limit from: " + p.LimitSource);
        }

        if (p.DecisionRule is not null)
        {
            lines.Add("decision rule: " + p.DecisionRule);
        }

        if (p.Reason is not null && p.Verdict != Verdict.Incomplete)
        {
            lines.Add("note: " + p.Reason);
        }

        return string.Join("\n", lines);
    }
}
