using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;

using Bench.Cli.Analyze;
using Bench.Core.Quantities;
using Bench.Waveforms.Csv;
using Bench.Waveforms.Synthesis;

namespace Bench.Dsp.Tests.Analyze;

/// <summary>
/// `bench analyze` end to end through System.CommandLine, on COMTRADE files written by an independent numpy/struct
/// writer (Interop/write_comtrade.py) and on CSV. Truth is what the writer was told to synthesise.
/// </summary>
public sealed class AnalyzeCommandTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("bench-analyze-");

    [TearDown]
    public void TearDown() => _dir.Delete(true);

    [TestCase("BINARY", 1e-4)]
    [TestCase("FLOAT32", 2e-6)]
    public async Task Numpy_written_comtrade_gives_the_synthesised_values(string format, double quantisation)
    {
        // 49.97 Hz, 25 600 Hz (512.3 samples per 49.97 Hz cycle), 230 V with 4 % 5th, 5 A lagging 36.87° (PF 0.8 L),
        // phase B dipping to 60 % for 0.3 s from 1.0 s.
        var cfg = Path.Combine(_dir.FullName, "rec.cfg");
        Python("write_comtrade.py", cfg, format, "49.97", "25600", "3", "230", "5", "36.8698976", "4", "1.0", "0.3", "0.6");
        var json = Path.Combine(_dir.FullName, "out", "a.json");
        var csv = Path.Combine(_dir.FullName, "out", "a.csv");
        var (code, stdout, stderr) = await Run("analyze", cfg, "--json", json, "--csv", csv, "--plot", Path.Combine(_dir.FullName, "plots"));
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("3P4W"));

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("bench.analysis/1"));
        Assert.That(root.GetProperty("nominal").GetProperty("voltageV").GetDouble(), Is.EqualTo(230), "nearest standard nominal");
        var summary = root.GetProperty("summary");
        Assert.That(summary.GetProperty("frequencyHz").GetDouble(), Is.EqualTo(49.97).Within(1e-3));

        // Clean intervals (not flagged) carry the steady-state truth: U = 230·sqrt(1 + 0.04²), P = 230·5·0.8, Q1 = 230·5·0.6.
        var clean = root.GetProperty("intervals").EnumerateArray().Where(i => !i.GetProperty("flagged").GetBoolean()).ToList();
        Assert.That(clean, Has.Count.GreaterThanOrEqualTo(8));
        var uTrue = 230 * Math.Sqrt(1 + (0.04 * 0.04));
        foreach (var interval in clean)
        {
            var l1 = interval.GetProperty("phases")[0];
            Assert.Multiple(() =>
            {
                Assert.That(interval.GetProperty("frequencyHz").GetDouble(), Is.EqualTo(49.97).Within(1e-3));
                Assert.That(l1.GetProperty("uRmsV").GetDouble(), Is.EqualTo(uTrue).Within((1e-4 * 230) + (quantisation * 330)));
                Assert.That(l1.GetProperty("pW").GetDouble(), Is.EqualTo(920).Within((5e-5 * 1150) + (quantisation * 1150)));
                Assert.That(l1.GetProperty("qVar").GetDouble(), Is.EqualTo(690).Within((5e-5 * 1150) + (quantisation * 1150)));
                Assert.That(l1.GetProperty("harmonicsUPercentOfFundamental")[5].GetDouble(), Is.EqualTo(4).Within(0.02));
                Assert.That(l1.GetProperty("thdUPercent").GetDouble(), Is.EqualTo(4).Within(0.02));
            });
        }

        var dips = root.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "dip").ToList();
        var l2 = dips.Single(e => e.GetProperty("phase").GetString() == "L2");
        Assert.That(dips.Select(e => e.GetProperty("phase").GetString()), Is.EquivalentTo(new[] { "L2", "poly" }));
        // The dip scales the whole distorted wave: residual = 60 % · sqrt(1 + 0.04²) of Udin.
        Assert.That(l2.GetProperty("extremePercent").GetDouble(), Is.EqualTo(60 * Math.Sqrt(1.0016)).Within(0.02 + (quantisation * 150)));
        // Start and end are placed inside their Urms(1/2) windows (see the engine's README): within half a cycle.
        Assert.That(l2.GetProperty("durationS").GetDouble(), Is.EqualTo(0.3).Within(0.5 / 49.97));
        Assert.That(l2.GetProperty("startS").GetDouble(), Is.EqualTo(1.0).Within(0.5 / 49.97));

        // Extra fields beside schema 1: totals of a clean interval (balanced: P = 3·920 W, Q1 = 3·690 var) and groups.
        var totals = clean[0].GetProperty("totals");
        Assert.That(summary.GetProperty("totals").GetProperty("pW").GetDouble(), Is.LessThan(2760), "the summary includes the dip");
        Assert.That(totals.GetProperty("pW").GetDouble(), Is.EqualTo(2760).Within((5e-5 * 3450) + (quantisation * 3450)));
        Assert.That(totals.GetProperty("qVar").GetDouble(), Is.EqualTo(2070).Within((5e-5 * 3450) + (quantisation * 3450)));
        var groups = summary.GetProperty("phases")[0].GetProperty("harmonicGroupsUPercentOfFundamental");
        Assert.That(groups[5].GetDouble(), Is.EqualTo(4).Within(0.02), "a pure 5th: its group equals its subgroup");
        Assert.That(summary.GetProperty("phases")[0].GetProperty("pst").ValueKind, Is.EqualTo(JsonValueKind.Null), "3 s is too short for Pst");
        Assert.That(File.ReadLines(csv).Count(), Is.EqualTo(root.GetProperty("intervals").GetArrayLength() + 1));
        Assert.That(Directory.GetFiles(Path.Combine(_dir.FullName, "plots"), "*.png"), Has.Length.EqualTo(3));
    }

    [Test]
    public async Task Csv_single_phase_record()
    {
        var setpoint = new ThreePhaseSetpoint([new PhaseSetpoint(120, 2, 0, 0)], 60);
        var record = ThreePhaseSynthesizer.Synthesize(setpoint, 60 * 128, 60 * 128);
        var path = Path.Combine(_dir.FullName, "w.csv");
        CsvWaveformWriter.Write(record with { Channels = [record.Channels[0], record.Channels[1]] }, path);
        var json = Path.Combine(_dir.FullName, "w.json");
        var (code, _, stderr) = await Run("analyze", path, "--json", json);
        Assert.That(code, Is.Zero, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var l1 = doc.RootElement.GetProperty("summary").GetProperty("phases")[0];
        Assert.That(doc.RootElement.GetProperty("nominal").GetProperty("wiring").GetString(), Is.EqualTo("1P2W"));
        Assert.That(l1.GetProperty("uRmsV").GetDouble(), Is.EqualTo(120).Within(0.012));
        Assert.That(l1.GetProperty("pW").GetDouble(), Is.EqualTo(240).Within(0.012));
        Assert.That(doc.RootElement.GetProperty("summary").GetProperty("unbalance").GetProperty("u2Percent").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Interval_option_lists_150_cycle_values()
    {
        // 4 s at 64 samples/cycle: 19 basic intervals make one 150-cycle value of 3 s (15 × 0.2 s), summary over all 19.
        var record = ThreePhaseSynthesizer.Synthesize(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50), 3200, 3200 * 4);
        var path = Path.Combine(_dir.FullName, "w.csv");
        CsvWaveformWriter.Write(record, path);
        var json = Path.Combine(_dir.FullName, "w.json");
        var (code, _, stderr) = await Run("analyze", path, "--json", json, "--interval", "3s");
        Assert.That(code, Is.Zero, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var source = doc.RootElement.GetProperty("source");
        Assert.That(source.GetProperty("basicIntervals").GetInt32(), Is.EqualTo(19));
        Assert.That(source.GetProperty("listedIntervals").GetInt32(), Is.EqualTo(1));
        var only = doc.RootElement.GetProperty("intervals")[0];
        Assert.That(only.GetProperty("durationS").GetDouble(), Is.EqualTo(3.0).Within(1e-6));
        Assert.That(only.GetProperty("phases")[1].GetProperty("pW").GetDouble(), Is.EqualTo(1150).Within(0.06));
    }

    [Test]
    public async Task Missing_file_is_exit_3_with_one_line()
    {
        var (code, stdout, stderr) = await Run("analyze", Path.Combine(_dir.FullName, "nope.cfg"), "--json", Path.Combine(_dir.FullName, "x.json"));
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr.Trim(), Does.EndWith("nope.cfg: file not found"));
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stdout, Is.Empty);
    }

    [Test]
    public async Task Too_low_a_sampling_rate_is_refused_clearly()
    {
        // python-comtrade's sample records 60 Hz at 1200 Hz: 20 samples per cycle, below the 32 the engine needs.
        var fixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "Interop", "lowrate.csv");
        await File.WriteAllLinesAsync(fixture, ["# nominal_frequency_hz=60", "time_s,UA[V]@A", .. Enumerable.Range(0, 100).Select(i => FormattableString.Invariant($"{i / 1200.0},{Math.Sin(i / 20.0 * 2 * Math.PI)}"))]);
        var (code, _, stderr) = await Run("analyze", fixture, "--json", Path.Combine(_dir.FullName, "x.json"));
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("20 samples per cycle"));
    }

    [Test]
    public async Task Bad_wiring_is_exit_3()
    {
        var (code, _, stderr) = await Run("analyze", "x.cfg", "--json", "x.json", "--wiring", "2P9W");
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr.Trim(), Is.EqualTo("--wiring: '2P9W' is not 1P2W, 3P3W or 3P4W"));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        var root = new RootCommand { AnalyzeCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static void Python(string script, params string[] args)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Interop", script);
        var psi = new ProcessStartInfo("/usr/bin/python3", [path, .. args]) { RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        Assert.That(p.WaitForExit(60_000), Is.True);
        Assert.That(p.ExitCode, Is.Zero, err);
    }
}
