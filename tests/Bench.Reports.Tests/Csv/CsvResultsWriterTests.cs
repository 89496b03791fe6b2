using Bench.Reports.Csv;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Csv;

[TestFixture("en-US")]
[TestFixture("de-DE")]
public sealed class CsvResultsWriterTests(string culture) : CultureFixture(culture)
{
    [Test]
    public void Python_csv_reads_invariant_numbers_and_quoted_text()
    {
        using var temp = new TempFolder();
        var path = temp.File("results.csv");
        CsvResultsWriter.Write(SampleRuns.Mixed(), path);
        // Independent reader: Python's csv module (RFC 4180 dialect "excel").
        var text = Python.Run("""
            import sys, csv
            rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
            print(len(rows), len(rows[0]))
            r = rows[2]
            print(r['id'], float(r['errorPercent']), float(r['limitPercent']), float(r['currentA']), r['verdict'], r['limitClause'])
            r = rows[5]
            print(r['verdict'], repr(r['errorPercent']), r['reason'])
            print(rows[4]['limitUnconfirmed'], rows[0]['powerFactor'], rows[4]['powerFactor'])
            """, path);
        Assert.That(text.Split('\n'), Is.EqualTo(new[]
        {
            $"8 {CsvResultsWriter.Columns.Count}",
            "P03-100%In-PF1 -0.231 0.2 5.0 FAIL §7.9 Table 3",
            "INCOMPLETE '' TCPIP::127.0.0.1::5025::SOCKET: no reply to MEAS:ENER? within 2 s",
            "true 1 0.5 L",
        }));
    }

    [Test]
    public void Commas_and_quotes_in_text_are_quoted()
    {
        var run = SampleRuns.Run([SampleRuns.Point("p", 100, "1", null, 0.2, Core.Results.Verdict.Incomplete) with { Reason = "reply \"1,5\" is not a number" }]);
        var csv = CsvResultsWriter.ToCsv(run);
        Assert.That(csv, Does.Contain(",\"reply \"\"1,5\"\" is not a number\"\r\n"));
        Assert.That(csv, Does.StartWith("runId,id,test,quantity,voltageV,"));
    }
}
