using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;

using Bench.Cli.Analyze;

namespace Bench.Dsp.Tests.Analyze;

/// <summary>
/// `bench analyze` against numpy on a COMTRADE record that Bench did not write: Interop/numpy_figures.py writes an
/// unbalanced, distorted three-phase ASCII COMTRADE (3P4W phase voltages or 3P3W line voltages) and computes the
/// figures from the stored samples with numpy alone (RMS, P = mean(u·i), Q1 from DFT bins, IEEE 1459 totals, THD,
/// f from a fit of the zero crossings). Tolerances are the issue's targets: U ±0.01 % of Udin, P/Q within 0.005 % of S
/// (per phase and total), harmonics ±0.5 % of reading, f ±1 mHz.
/// </summary>
public sealed class NumpyReferenceTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("bench-numpy-");

    [TearDown]
    public void TearDown() => _dir.Delete(true);

    [TestCase("3P4W", 50.03, 12800.0)]
    [TestCase("3P4W", 59.98, 15360.0)]
    [TestCase("3P3W", 49.96, 25600.0)]
    [TestCase("3P3W", 59.98, 15360.0)]
    public async Task Analyze_matches_numpy(string wiring, double f, double rate)
    {
        var cfg = Path.Combine(_dir.FullName, "rec.cfg");
        using var numpy = JsonDocument.Parse(Python("numpy_figures.py", cfg, wiring, $"{f}", $"{rate}", "2.0"));
        var json = Path.Combine(_dir.FullName, "a.json");
        var root = new RootCommand { AnalyzeCommand.Create() };
        var error = new StringWriter();
        var output = new StringWriter();
        var code = await root.Parse(["analyze", cfg, "--json", json, "--wiring", wiring]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        Assert.That(code, Is.Zero, error.ToString());
        Assert.That(output.ToString(), Does.Contain("total: P "), "the console summary shows the totals");

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var summary = doc.RootElement.GetProperty("summary");
        var reference = numpy.RootElement;
        var udin = doc.RootElement.GetProperty("nominal").GetProperty("voltageV").GetDouble();
        var totals = summary.GetProperty("totals");
        var refTotals = reference.GetProperty("totals");
        var s = refTotals.GetProperty("sVA").GetDouble();
        TestContext.Out.WriteLine($"numpy: {reference}");
        TestContext.Out.WriteLine($"bench: totals {totals.GetRawText().ReplaceLineEndings(" ")}");
        Assert.Multiple(() =>
        {
            Assert.That(summary.GetProperty("frequencyHz").GetDouble(), Is.EqualTo(reference.GetProperty("frequencyHz").GetDouble()).Within(1e-3), "f");
            for (var p = 0; p < 3; p++)
            {
                var bench = summary.GetProperty("phases")[p];
                var np = reference.GetProperty("phases")[p];
                var uRef = np.GetProperty("uRmsV").GetDouble();
                Assert.That(bench.GetProperty("uRmsV").GetDouble(), Is.EqualTo(uRef).Within(1e-4 * udin), $"U L{p + 1}");
                Assert.That(bench.GetProperty("iRmsA").GetDouble(), Is.EqualTo(np.GetProperty("iRmsA").GetDouble()).Within(1e-4 * np.GetProperty("iRmsA").GetDouble()), $"I L{p + 1}");
                if (wiring == "3P4W")
                {
                    var sp = np.GetProperty("sVA").GetDouble();
                    Assert.That(bench.GetProperty("pW").GetDouble(), Is.EqualTo(np.GetProperty("pW").GetDouble()).Within(5e-5 * sp), $"P L{p + 1}");
                    Assert.That(bench.GetProperty("qVar").GetDouble(), Is.EqualTo(np.GetProperty("qVar").GetDouble()).Within(5e-5 * sp), $"Q1 L{p + 1}");
                    var thd = np.GetProperty("thdUPercent").GetDouble();
                    Assert.That(bench.GetProperty("thdUPercent").GetDouble(), Is.EqualTo(thd).Within(0.005 * thd), $"THD L{p + 1}");
                }
                else
                {
                    Assert.That(bench.GetProperty("pW").ValueKind, Is.EqualTo(JsonValueKind.Null), "3P3W has no per-phase power");
                }
            }

            Assert.That(totals.GetProperty("pW").GetDouble(), Is.EqualTo(refTotals.GetProperty("pW").GetDouble()).Within(5e-5 * s), "P total");
            Assert.That(totals.GetProperty("qVar").GetDouble(), Is.EqualTo(refTotals.GetProperty("qVar").GetDouble()).Within(5e-5 * s), "Q1 total");
            Assert.That(totals.GetProperty("sVA").GetDouble(), Is.EqualTo(s).Within(5e-5 * s), "Se (IEEE 1459)");
            Assert.That(totals.GetProperty("pf").GetDouble(), Is.EqualTo(refTotals.GetProperty("pf").GetDouble()).Within(1e-4), "PF = P/Se");
        });
    }

    private static string Python(string script, params string[] args)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Interop", script);
        var psi = new ProcessStartInfo("/usr/bin/python3", [path, .. args]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var err = p.StandardError.ReadToEnd();
        Assert.That(p.WaitForExit(60_000), Is.True);
        Assert.That(p.ExitCode, Is.Zero, err);
        return stdout;
    }
}
