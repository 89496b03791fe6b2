namespace Bench.Cli.Tests;

/// <summary>
/// The firmware team's loop: self-test two builds and compare them point by point. Firmware 2.1.0 of the simulated
/// PM8000 carries the defect its profile declares (energy 0.6 % high below 0.25 A, fixtures/dut/pm8000.yaml), so the
/// low-current points regress and `bench compare` exits 1.
/// </summary>
[NonParallelizable]
public class FirmwareRegressionTests
{
    [Test]
    public async Task Compare_finds_the_low_current_regression_of_a_defective_build()
    {
        var work = Directory.CreateTempSubdirectory("bench-fw-").FullName;
        try
        {
            var good = await BenchProcess.RunAsync(work, "selftest", "--firmware", "3.1.0", "--out", Path.Combine(work, "good"));
            var bad = await BenchProcess.RunAsync(work, "selftest", "--firmware", "2.1.0", "--out", Path.Combine(work, "bad"));
            var markdown = Path.Combine(work, "drift.md");
            var compare = await BenchProcess.RunAsync(work, "compare", Path.Combine(work, "good"), Path.Combine(work, "bad"), "--markdown", markdown);
            var same = await BenchProcess.RunAsync(work, "compare", Path.Combine(work, "good"), Path.Combine(work, "good", "results.json"));
            var report = await BenchProcess.RunAsync(work, "report", Path.Combine(work, "bad"), "--out", Path.Combine(work, "again"));
            Assert.Multiple(() =>
            {
                Assert.That(good.ExitCode, Is.Zero, good.Output + good.Errors);
                Assert.That(bad.ExitCode, Is.EqualTo(1), "0.6 % high fails the 0.4 % limit at 1 % and 2 % In");
                Assert.That(compare.ExitCode, Is.EqualTo(1), compare.Output + compare.Errors);
                Assert.That(compare.Output, Does.Contain("PF1-001In"));
                Assert.That(File.ReadAllText(markdown), Does.Contain("PF1-001In"));
                Assert.That(same.ExitCode, Is.Zero, "a run compared with itself has no regression");
                Assert.That(report.ExitCode, Is.Zero, report.Errors);
                Assert.That(BenchProcess.PdfToText(Path.Combine(work, "again", "certificate.pdf")), Does.Contain("2.1.0"));
            });
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }

    [Test]
    public async Task Compare_of_a_missing_run_is_bad_input()
    {
        var result = await BenchProcess.RunAsync(Path.GetTempPath(), "compare", "/nonexistent/a", "/nonexistent/b");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Errors, Does.Contain("/nonexistent/a: no results.json there"));
        });
    }
}
