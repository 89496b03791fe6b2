using System.Text.Json;

namespace Bench.Cli.Tests;

/// <summary>Every shipped plan is listed by `bench plans` and runs to a verdict on the virtual bench (issue 7).</summary>
[NonParallelizable]
public class ShippedPlansTests
{
    private static IEnumerable<string> Plans() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "testplans"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [Test]
    public async Task Bench_plans_lists_every_shipped_plan_with_its_standard()
    {
        var result = await BenchProcess.RunAsync(Path.GetTempPath(), "plans");
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        foreach (var plan in Plans())
        {
            Assert.That(result.Output, Does.Contain(plan));
        }

        Assert.Multiple(() =>
        {
            Assert.That(result.Output, Does.Contain("IEC 62053-24 class 0.5S, reactive-energy"));
            Assert.That(result.Output, Does.Contain("ANSI C12.20 class 0.2"));
            Assert.That(result.Output, Does.Contain("IEC 61557-12 class 0.2"));
            Assert.That(result.Output, Does.Contain(" pmd-function"), "test kinds in the plan's own spelling");
            Assert.That(result.Output, Does.Contain("(unconfirmed)"));
        });
    }

    [TestCaseSource(nameof(Plans))]
    public async Task Shipped_plan_runs_on_the_virtual_bench(string plan)
    {
        var work = Directory.CreateTempSubdirectory("bench-plan-").FullName;
        try
        {
            var result = await BenchProcess.RunAsync(work, "run", plan, "--bench", "virtual-bench.yaml", "--dut", "pm8000.yaml", "--out", Path.Combine(work, "out"));
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "out", "results.json")));
            var points = json.RootElement.GetProperty("points").EnumerateArray().ToList();
            Assert.Multiple(() =>
            {
                // The simulated PM8000 is a healthy class 0.2S meter: every shipped plan passes on it.
                Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
                Assert.That(json.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("PASS"));
                Assert.That(points, Is.Not.Empty);
                Assert.That(points.Select(p => p.GetProperty("limitSource").GetProperty("unconfirmed").GetBoolean()), Has.Some.True);
                Assert.That(File.Exists(Path.Combine(work, "out", "certificate.pdf")), Is.True);
            });
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }

    [Test]
    public async Task A_virtual_bench_in_the_fluke_6105a_dialect_runs_the_self_test_plan()
    {
        // The simulators speak the bench profile's instrument profiles, so the driver sends the 6105A's commands.
        var work = Directory.CreateTempSubdirectory("bench-fluke-").FullName;
        try
        {
            var result = await BenchProcess.RunAsync(work, "run", "iec62053-22-cl02S-selftest.yaml", "--bench", "virtual-fluke-6105a.yaml", "--dut", "pm8000.yaml", "--out", Path.Combine(work, "out"));
            var transcript = await File.ReadAllTextAsync(Path.Combine(work, "out", "transcript.log"));
            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
                Assert.That(result.Output, Does.Contain("FLUKE 6105A"));
                Assert.That(transcript, Does.Contain("> SOURce:PHASe1:VOLTage:MHARmonics:HARMonic1 "), "the 6105A harmonic-tree command on the wire (scpi.md §3)");
            });
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bench.sln not found");
    }
}
