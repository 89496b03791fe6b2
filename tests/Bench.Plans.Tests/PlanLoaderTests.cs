using Bench.Core.Errors;
using Bench.Plans.Loading;

namespace Bench.Plans.Tests;

public class PlanLoaderTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("bench-plan-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, true);

    [Test]
    public void Shipped_selftest_plan_loads()
    {
        var plan = PlanLoader.Load(Repository.File("testplans", "iec62053-22-cl02S-selftest.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(plan.Standard, Is.EqualTo("IEC 62053-22"));
            Assert.That(plan.AccuracyClass, Is.EqualTo("0.2S"));
            Assert.That(plan.Points, Has.Count.GreaterThanOrEqualTo(10));
            Assert.That(plan.Points.Select(p => p.Id), Is.Unique);
        });
    }

    // Columns counted by hand on the lines below (1-based, as YamlDotNet reports them).
    [TestCase("  - { id: B, current: 0.1 In, pf: 0.6 X }", "9:35", "not a power factor")]
    [TestCase("  - { id: B, current: 0.1 In, pf: \"1\", volts: 230 }", "9:40", "unknown key 'volts'")]
    [TestCase("  - { id: B, current: 3 W, pf: \"1\" }", "9:23", "expected a number followed by")]
    [TestCase("  - { id: B, pf: \"1\" }", "9:5", "missing 'current'")]
    public void Errors_name_line_and_column(string line9, string lineColumn, string message)
    {
        var path = Write("name: t\nstandard: IEC 62053-22\nclass: 0.2S\ndecision-rule: simple\npoints:\n  - id: A\n    current: In\n    pf: \"1\"\n" + line9 + "\n");
        var e = Assert.Throws<BenchInputException>(() => PlanLoader.Load(path))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain(message));
            Assert.That(e.Location, Is.EqualTo($"{path}:{lineColumn}"));
        });
    }

    [Test]
    public void Unknown_standard_and_class_are_reported_where_written()
    {
        var path = Write("name: t\nstandard: IEC 99999\nclass: 1\npoints:\n  - { id: A, current: In, pf: \"1\" }\n");
        var e = Assert.Throws<BenchInputException>(() => PlanLoader.Load(path))!;
        Assert.That(e.Message, Does.StartWith($"{path}:2:11: unknown standard 'IEC 99999'"));

        path = Write("name: t\nstandard: IEC 62053-22\nclass: 7\npoints:\n  - { id: A, current: In, pf: \"1\" }\n");
        e = Assert.Throws<BenchInputException>(() => PlanLoader.Load(path))!;
        Assert.That(e.Message, Does.StartWith($"{path}:3:8: IEC 62053-22 has no class '7'"));
    }

    [Test]
    public void Malformed_yaml_and_duplicate_ids_are_errors()
    {
        var path = Write("name: t\nstandard: [unclosed\n");
        Assert.That(() => PlanLoader.Load(path), Throws.TypeOf<BenchInputException>().With.Message.StartsWith(path + ":"));

        path = Write("name: t\nstandard: IEC 62053-22\nclass: 0.2S\npoints:\n  - { id: A, current: In, pf: \"1\" }\n  - { id: A, current: Imax, pf: \"1\" }\n");
        Assert.That(() => PlanLoader.Load(path), Throws.TypeOf<BenchInputException>().With.Message.Contains("'A' appears twice"));

        Assert.That(() => PlanLoader.Load(Path.Combine(_dir, "missing.yaml")), Throws.TypeOf<BenchInputException>().With.Message.Contains("file not found"));
    }

    private string Write(string text)
    {
        var path = Path.Combine(_dir, $"plan{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}

public class RepeatabilityPointTests
{
    [TestCase("  - { id: R, test: repeatability, current: In, pf: \"1\" }\n", 10)]
    [TestCase("  - { id: R, test: repeatability, current: In, pf: \"1\", repeats: 5 }\n", 5)]
    public void A_repeatability_point_takes_its_own_readings(string point, int readings)
    {
        var plan = Load(point);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Points.Single().Test, Is.EqualTo(Bench.Plans.Model.PointTest.Repeatability));
            Assert.That(plan.Points.Single().Readings, Is.EqualTo(readings));
        });
    }

    [TestCase("  - { id: R, current: In, pf: \"1\", repeats: 5 }\n", ":6:", "belongs to 'test: repeatability'")]
    [TestCase("  - { id: R, test: repeatability, current: In, pf: \"1\", repeats: 1 }\n", ":6:", "must lie in 2…100")]
    [TestCase("  - { id: R, test: repeatability, current: In }\n", ":6:", "missing 'pf'")]
    public void Bad_repeatability_points_are_located(string point, string where, string message)
    {
        var e = Assert.Throws<Bench.Core.Errors.BenchInputException>(() => Load(point))!;
        Assert.That(e.Message, Does.Contain(where).And.Contain(message));
    }

    private static Bench.Plans.Model.TestPlan Load(string point)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: r\nstandard: IEC 62053-22\nclass: 0.2S\nquantity: active-energy\npoints:\n" + point);
        try
        {
            return PlanLoader.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
