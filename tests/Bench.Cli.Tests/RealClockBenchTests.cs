using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Bench.Cli.Tests;

/// <summary>
/// The path a lab takes: `bench run` with a bench profile that names real resources, on the wall clock. The "lab" here
/// is `bench sim` in another process; nothing in `bench run` knows it is talking to simulators.
/// </summary>
[NonParallelizable]
public class RealClockBenchTests
{
    [Test]
    public async Task Bench_run_drives_instruments_named_in_the_bench_profile_on_the_wall_clock()
    {
        var work = Directory.CreateTempSubdirectory("bench-lab-").FullName;
        var simOutput = Path.Combine(work, "sim.txt");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet '{Path.Combine(AppContext.BaseDirectory, "bench.dll")}' sim > '{simOutput}' 2>&1");
        using var sim = Process.Start(start)!;
        try
        {
            var lines = await WaitForEndpoints(sim, simOutput);
            string Endpoint(string role) => lines.First(l => l.StartsWith(role + " ", StringComparison.Ordinal) && (role == "meter" || l.EndsWith("::SOCKET", StringComparison.Ordinal)))[(role.Length + 1)..];
            var benchProfile = Path.Combine(work, "lab.yaml");
            await File.WriteAllTextAsync(benchProfile, $$"""
                name: loopback lab
                source:
                  profile: bench-sim-source.yaml
                  resource: {{Endpoint("source")}}
                reference:
                  profile: bench-sim-reference.yaml
                  resource: {{Endpoint("reference")}}
                  calibration: { certificate: LAB-REF-1, calibrated: 2026-01-05, due: 2036-01-05, uncertainty-percent: 0.005 }
                meter: {{Endpoint("meter")}}
                """);

            // Real seconds: an 8-s gate at Imax (3 × 230 V × 10 A = 6.9 kW, 15 Wh) counts about 150 pulses of 0.1 Wh,
            // a resolution of about ±0.7 %: checked against a class 2 limit (±2 %, IEC 62053-21), not a 0.2S one.
            var plan = Path.Combine(work, "short.yaml");
            await File.WriteAllTextAsync(plan, """
                name: short real-time check
                standard: IEC 62053-21
                class: 2
                method: pulse
                settle-s: 0
                minimum-gate-s: 8
                maximum-gate-s: 8
                resolution-fraction: 1
                points:
                  - { id: Imax, current: Imax, pf: "1" }
                """);
            var run = await BenchProcess.RunAsync(work, "run", plan, "--bench", benchProfile, "--dut", "pm8000.yaml", "--serial", "1807123401", "--out", Path.Combine(work, "out"));
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "out", "results.json")));
            var points = json.RootElement.GetProperty("points").EnumerateArray().ToList();
            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.Zero, run.Output + run.Errors);
                Assert.That(points.Select(p => p.GetProperty("verdict").GetString()), Has.All.EqualTo("PASS"));

                // Gates are wall-clock seconds here, not virtual hours.
                Assert.That(points.Select(p => p.GetProperty("durationS").GetDouble()), Has.All.InRange(7.5, 9));

                // The error stays within the pulse-count resolution the budget states (±1 pulse over the gate).
                var point = points[0];
                var resolution = point.GetProperty("budget").EnumerateArray().Single(b => b.GetProperty("name").GetString()!.Contains("resolution", StringComparison.Ordinal));
                Assert.That(Math.Abs(point.GetProperty("errorPercent").GetDouble()), Is.LessThanOrEqualTo(resolution.GetProperty("statedPercent").GetDouble() + 0.05));
                Assert.That(json.RootElement.GetProperty("instruments")[1].GetProperty("calibration").GetProperty("certificate").GetString(), Is.EqualTo("LAB-REF-1"));
                Assert.That(sim.HasExited, Is.False, "the instruments outlive the run");
            });

            var wrongUnit = await BenchProcess.RunAsync(work, "run", plan, "--bench", benchProfile, "--dut", "pm8000.yaml", "--serial", "999", "--out", Path.Combine(work, "out2"));
            Assert.That(wrongUnit.ExitCode, Is.EqualTo(3), "a scanned serial that is not the meter's stops the run");
            Assert.That(wrongUnit.Errors, Does.Contain("reports '1807123401'"));
        }
        finally
        {
            Process.Start("kill", ["-TERM", sim.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            await sim.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Directory.Delete(work, true);
        }
    }

    private static async Task<List<string>> WaitForEndpoints(Process sim, string output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var lines = File.Exists(output) ? File.ReadAllLines(output).ToList() : [];
            if (lines.Any(l => l.StartsWith("meter ", StringComparison.Ordinal)))
            {
                return lines;
            }

            Assert.That(sim.HasExited, Is.False, "bench sim ended early: " + string.Join("\n", lines));
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "bench sim printed no meter line");
            await Task.Delay(100);
        }
    }
}
