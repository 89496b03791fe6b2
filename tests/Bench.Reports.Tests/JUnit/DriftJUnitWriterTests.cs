using Bench.Core.Results;
using Bench.Reports.Comparison;
using Bench.Reports.JUnit;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.JUnit;

[TestFixture("en-US")]
[TestFixture("de-DE")]
public sealed class DriftJUnitWriterTests(string culture) : CultureFixture(culture)
{
    [Test]
    public void Python_reads_regressions_and_drift_as_failures_and_missing_points_as_errors()
    {
        var baseline = SampleRuns.Run(
        [
            SampleRuns.Point("steady", 100, "1", 0.05, 0.2, Verdict.Pass),
            SampleRuns.Point("drifts", 100, "0.5 L", 0.0, 0.3, Verdict.Pass),
            SampleRuns.Point("breaks", 5, "1", 0.1, 0.2, Verdict.Pass),
            SampleRuns.Point("gone", 200, "1", 0.0, 0.2, Verdict.Pass),
            SampleRuns.Point("stalls", 10, "1", 0.0, 0.2, Verdict.Pass),
        ]);
        var candidate = SampleRuns.Run(
        [
            SampleRuns.Point("steady", 100, "1", 0.06, 0.2, Verdict.Pass),
            SampleRuns.Point("drifts", 100, "0.5 L", 0.12, 0.3, Verdict.Pass), // 0.12 of ±0.3 = 0.40 ≥ 0.25
            SampleRuns.Point("breaks", 5, "1", 0.25, 0.2, Verdict.Fail),
            SampleRuns.Point("stalls", 10, "1", null, 0.2, Verdict.Incomplete),
        ]);
        using var temp = new TempFolder();
        var path = temp.File("drift.xml");
        DriftJUnitWriter.Write(RunComparison.Compare(baseline, candidate), path);
        // Independent reader: Python's xml.etree.
        var text = Python.Run("""
            import sys, xml.etree.ElementTree as ET
            suite = ET.parse(sys.argv[1]).getroot().find('testsuite')
            print(suite.get('tests'), suite.get('failures'), suite.get('errors'))
            for case in suite.findall('testcase'):
                bad = case.find('failure') if case.find('failure') is not None else case.find('error')
                print(case.get('name'), 'ok' if bad is None else bad.tag + ':' + bad.get('type') + ':' + bad.get('message'))
            """, path);
        Assert.That(text.Split('\n'), Is.EqualTo(new[]
        {
            "5 2 2",
            "steady ok",
            "drifts failure:DRIFT:error moved +0.120 % (0.40 of the ±0.3 % limit; threshold 0.25)",
            "breaks failure:REGRESSED:verdict PASS → FAIL",
            "stalls error:INCOMPLETE:point INCOMPLETE in the candidate run",
            "gone error:REMOVED:point missing from the candidate run",
        }));
    }
}
