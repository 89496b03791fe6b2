using System.Text.Json;

namespace Bench.Cli.Tests;

/// <summary>
/// `bench selftest` as a user runs it, in a temp folder: a passing and a failing simulated meter, the certificate read
/// back with an independent reader (poppler pdftotext) and results.json checked against the plan.
/// </summary>
[NonParallelizable]
public class SelftestEndToEndTests
{
    private string _work = "";
    private BenchProcess.Result _pass = null!;
    private BenchProcess.Result _fail = null!;

    [OneTimeSetUp]
    public async Task RunBoth()
    {
        _work = Directory.CreateTempSubdirectory("bench-e2e-").FullName;
        _pass = await BenchProcess.RunAsync(_work, "selftest", "--out", Path.Combine(_work, "pass"), "--serial", "2211004217");
        _fail = await BenchProcess.RunAsync(_work, "selftest", "--out", Path.Combine(_work, "fail"), "--meter-error", "0.5");
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_work, true);

    [Test]
    public void Passing_meter_exits_0_and_prints_the_certificate_path()
    {
        Assert.That(_pass.ExitCode, Is.Zero, _pass.Output + _pass.Errors);
        Assert.That(_pass.Output, Does.Contain("verdict: PASS"));
        Assert.That(_pass.Output, Does.Contain(Path.Combine(_work, "pass", "certificate.pdf")));
    }

    [Test]
    public void Passing_results_json_has_every_plan_point_within_its_limit()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "pass", "results.json")));
        var root = doc.RootElement;
        Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("bench.results/1"));
        Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("PASS"));
        var points = root.GetProperty("points").EnumerateArray().ToList();
        Assert.That(points, Has.Count.EqualTo(15), "the shipped self-test plan has 15 points");
        foreach (var p in points)
        {
            var error = p.GetProperty("errorPercent").GetDouble();
            var referenceWh = p.GetProperty("referenceWh").GetDouble();
            var meterWh = p.GetProperty("meterWh").GetDouble();
            Assert.Multiple(() =>
            {
                Assert.That(p.GetProperty("verdict").GetString(), Is.EqualTo("PASS"), p.GetProperty("id").GetString());

                // The simulated PM8000 has the small error curve of fixtures/dut/pm8000.yaml (≤ 0.08 %), plus the
                // register resolution (≤ 1/10 of the limit by the gate length): well inside every limit.
                Assert.That(Math.Abs(error), Is.LessThan(0.5 * p.GetProperty("limitPercent").GetDouble()));
                Assert.That((meterWh - referenceWh) / referenceWh * 100, Is.EqualTo(error).Within(1e-9));
                Assert.That(p.GetProperty("quantity").GetString(), Is.EqualTo("active-energy"));
                Assert.That(p.GetProperty("uncertaintyPercent").GetDouble(), Is.GreaterThan(0));
            });
        }
    }

    [Test]
    public void Half_a_percent_meter_fails_the_tight_points_and_exits_1()
    {
        Assert.That(_fail.ExitCode, Is.EqualTo(1), _fail.Output + _fail.Errors);
        using var pass = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "pass", "results.json")));
        using var fail = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "fail", "results.json")));
        Assert.That(fail.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("FAIL"));
        var passing = pass.RootElement.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("errorPercent").GetDouble());
        foreach (var p in fail.RootElement.GetProperty("points").EnumerateArray())
        {
            var id = p.GetProperty("id").GetString()!;
            var limit = p.GetProperty("limitPercent").GetDouble();
            var error = p.GetProperty("errorPercent").GetDouble();

            // --meter-error 0.5 scales the meter's energy by 1.005 on top of its curve: the error moves by 0.5 %,
            // give or take the register resolution of both runs (each ≤ 1/10 of the limit).
            Assert.That(error - passing[id], Is.EqualTo(0.5).Within(0.2 * limit), id);

            // IEC 62053-22 0.2S limits 0.2 / 0.3 / 0.4 % all fail; the 0.5 % rows are decided by the curve's sign.
            if (limit < 0.45)
            {
                Assert.That(p.GetProperty("verdict").GetString(), Is.EqualTo("FAIL"), id);
            }
        }
    }

    [Test]
    public void Certificate_reads_back_with_pdftotext()
    {
        var text = BenchProcess.PdfToText(Path.Combine(_work, "pass", "certificate.pdf"));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("2211004217"), "DUT serial");
            Assert.That(text, Does.Contain("PM8"), "DUT model");
            Assert.That(text, Does.Contain("IEC 62053-22"));
            Assert.That(text, Does.Contain("PF1-005In"));
            Assert.That(text, Does.Contain("(unconfirmed)"), "the 0.2S limits are unconfirmed in shared/standards");
            Assert.That(text, Does.Contain("PASS"));
            Assert.That(text, Does.Contain("SIM-REF-0001"), "reference calibration certificate (traceability)");
        });

        var failing = BenchProcess.PdfToText(Path.Combine(_work, "fail", "certificate.pdf"));
        Assert.That(failing, Does.Contain("FAIL"));
    }

    [Test]
    public void Junit_and_csv_are_written()
    {
        var junit = File.ReadAllText(Path.Combine(_work, "fail", "junit.xml"));
        Assert.Multiple(() =>
        {
            Assert.That(junit, Does.Contain("<testsuite"));
            Assert.That(junit, Does.Contain("<failure"));
            Assert.That(File.ReadAllLines(Path.Combine(_work, "pass", "results.csv")), Has.Length.GreaterThanOrEqualTo(16));
            Assert.That(File.ReadAllLines(Path.Combine(_work, "pass", "journal.jsonl")), Has.Length.EqualTo(15));

            // The transcript: what was said to every instrument (SCPI lines) and to the meter (Modbus PDUs).
            var transcript = File.ReadAllText(Path.Combine(_work, "pass", "transcript.log"));
            Assert.That(transcript, Does.Contain("> *IDN?"));
            Assert.That(transcript, Does.Contain("modbus 127.0.0.1:"));

            // Each point's exchanges end with its progress line: 15 markers, in order, each after some SCPI lines.
            var lines = transcript.Split('\n');
            var markers = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(" === [", StringComparison.Ordinal)).ToList();
            Assert.That(markers, Has.Count.EqualTo(15));
            Assert.That(markers[0].l, Does.Contain("=== [ 1/15]"));
            Assert.That(markers.Zip(markers.Skip(1)).All(m => lines[(m.First.i + 1)..m.Second.i].Any(l => l.Contains(" > ", StringComparison.Ordinal))), Is.True, "SCPI between every two points");
        });
    }
}
