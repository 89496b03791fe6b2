namespace Bench.Cli.Tests;

/// <summary>Bad input gets exit code 3 and one line naming where, never a stack trace.</summary>
public class BadInputTests
{
    private string _work = "";

    [SetUp]
    public void SetUp() => _work = Directory.CreateTempSubdirectory("bench-bad-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_work, true);

    [Test]
    public async Task Plan_with_a_bad_power_factor_names_file_line_and_column()
    {
        var plan = Path.Combine(_work, "bad.yaml");
        await File.WriteAllTextAsync(plan, "name: bad\nstandard: IEC 62053-22\nclass: 0.2S\npoints:\n  - { id: A, current: In, pf: 0.5 X }\n");
        var result = await BenchProcess.RunAsync(_work, "selftest", "--plan", plan, "--out", Path.Combine(_work, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Errors.Trim(), Does.StartWith($"bench: {plan}:5:31: "));
            Assert.That(result.Errors, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(Directory.Exists(Path.Combine(_work, "out")), Is.False, "nothing was run");
        });
    }

    [Test]
    public async Task Unknown_option_and_missing_plan_are_bad_input()
    {
        var unknown = await BenchProcess.RunAsync(_work, "selftest", "--no-such-option");
        var missing = await BenchProcess.RunAsync(_work, "run", "nope.yaml", "--bench", "virtual-bench.yaml", "--dut", "pm8000.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(unknown.ExitCode, Is.EqualTo(3));
            Assert.That(missing.ExitCode, Is.EqualTo(3));
            Assert.That(missing.Errors, Does.Contain("'nope.yaml' not found"));
        });
    }

    [Test]
    public async Task Non_numeric_serial_for_the_simulated_pm8000_is_bad_input()
    {
        var result = await BenchProcess.RunAsync(_work, "selftest", "--serial", "MW-22", "--out", Path.Combine(_work, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Errors, Does.Contain("--serial"));
            Assert.That(result.Errors, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public async Task A_point_beyond_the_sources_range_stops_the_run_before_anything_is_energized()
    {
        var plan = Path.Combine(_work, "high.yaml");
        await File.WriteAllTextAsync(plan, "name: high\nstandard: IEC 61000-4-30\nclass: A\npoints:\n  - { id: U, parameter: voltage, voltage: Un }\n  - { id: HIGH, parameter: voltage, voltage: 3 Un }\n");
        var result = await BenchProcess.RunAsync(_work, "selftest", "--plan", plan, "--out", Path.Combine(_work, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.Errors, Does.StartWith($"bench: {plan}:6:5: point 'HIGH': voltage 690 V is outside the ranges"));
            Assert.That(Directory.Exists(Path.Combine(_work, "out")), Is.False, "not even the first point ran");
        });
    }
}
