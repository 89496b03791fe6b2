using System.Xml.Linq;

using Bench.Core.Results;
using Bench.Reports.JUnit;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.JUnit;

[TestFixture("en-US")]
[TestFixture("de-DE")]
public sealed class JUnitWriterTests(string culture) : CultureFixture(culture)
{
    [Test]
    public void Python_etree_counts_tests_failures_and_errors()
    {
        using var temp = new TempFolder();
        var path = temp.File("junit.xml");
        JUnitWriter.Write(SampleRuns.Mixed(), path);
        // Independent reader: Python's xml.etree. Expected from SampleRuns.Mixed: 8 points, 1 FAIL, 1 INCOMPLETE.
        var summary = Python.Run("""
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            suite = root.find('testsuite')
            cases = suite.findall('testcase')
            print(root.tag, suite.get('tests'), suite.get('failures'), suite.get('errors'), suite.get('skipped'), len(cases))
            print(sum(1 for c in cases if c.find('failure') is not None), sum(1 for c in cases if c.find('error') is not None))
            print(cases[2].find('failure').get('message'))
            print(cases[5].find('error').get('type'), cases[5].find('error').get('message'))
            print(cases[0].get('time'), suite.get('time'), suite.get('timestamp'))
            print([p.get('value') for p in suite.find('properties') if p.get('name') == 'dut.serial'][0])
            """, path);
        Assert.That(summary.Split('\n'), Is.EqualTo(new[]
        {
            "testsuites 8 1 1 0 8",
            "1 1",
            "FAIL: error -0.231 % outside ±0.200 %",
            "INCOMPLETE TCPIP::127.0.0.1::5025::SOCKET: no reply to MEAS:ENER? within 2 s",
            "60 72 2026-11-27T08:30:00", // 60 s window; 08:30:00 → 08:31:12 = 72 s
            SampleRuns.DutSerial,
        }));
    }

    [Test]
    public void Conditional_fail_is_a_failure_and_conditional_pass_passes()
    {
        var run = SampleRuns.Run(
        [
            SampleRuns.Point("cp", 100, "1", 0.18, 0.2, Verdict.ConditionalPass) with { UncertaintyPercent = 0.05, Tur = 4 },
            SampleRuns.Point("cf", 100, "1", 0.22, 0.2, Verdict.ConditionalFail) with { UncertaintyPercent = 0.05, Tur = 4 },
        ]);
        var suite = XDocument.Parse(JUnitWriter.ToXml(run)).Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToList();
        Assert.That(cases[0].Element("failure"), Is.Null);
        Assert.That(cases[0].Element("system-out")!.Value, Does.StartWith("CONDITIONAL PASS: error +0.180 % within ±0.200 %, U = 0.050 % (k = 2), TUR 4.0"));
        Assert.That(cases[1].Element("failure")!.Attribute("type")!.Value, Is.EqualTo("CONDITIONAL FAIL"));
        Assert.That(suite.Attribute("failures")!.Value, Is.EqualTo("1"));
    }

    [Test]
    public void The_budget_goes_to_system_out()
    {
        var run = SampleRuns.Run([SampleBudgets.WithBudget(SampleRuns.Point("p", 100, "1", 0.05, 0.2, Verdict.Pass))]);
        var output = XDocument.Parse(JUnitWriter.ToXml(run)).Root!.Element("testsuite")!.Element("testcase")!.Element("system-out")!.Value;
        Assert.That(output, Does.Contain("repeats: 5, s = 0.008 %"));
        Assert.That(output, Does.Contain("budget: Reference standard calibration (certificate) (type B, normal) stated 0.02 %, u = 0.01 %"));
        Assert.That(output, Does.Contain("U = 0.026 % (k = 2), TUR 7.8"));
    }

    [Test]
    public void An_aborted_run_adds_an_errored_testcase()
    {
        var run = SampleRuns.Run([SampleRuns.Point("p", 100, "1", 0.01, 0.2, Verdict.Pass)]) with { AbortReason = "source tripped on overcurrent" };
        var suite = XDocument.Parse(JUnitWriter.ToXml(run)).Root!.Element("testsuite")!;
        Assert.That(suite.Attribute("tests")!.Value, Is.EqualTo("2"));
        Assert.That(suite.Attribute("errors")!.Value, Is.EqualTo("1"));
        var error = suite.Elements("testcase").Last().Element("error")!;
        Assert.That(error.Attribute("message")!.Value, Is.EqualTo("source tripped on overcurrent"));
    }

    [Test]
    public void Control_characters_from_a_garbled_reply_stay_well_formed()
    {
        var run = SampleRuns.Run([SampleRuns.Point("p", 100, "1", null, 0.2, Verdict.Incomplete) with { Reason = "garbled reply \u0002\u001b[0m" }]);
        var xml = JUnitWriter.ToXml(run);
        var error = XDocument.Parse(xml).Root!.Element("testsuite")!.Element("testcase")!.Element("error")!;
        Assert.That(error.Attribute("message")!.Value, Is.EqualTo("garbled reply \\x02\\x1B[0m"));
    }
}
