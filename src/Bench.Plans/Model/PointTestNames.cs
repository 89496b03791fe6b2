namespace Bench.Plans.Model;

/// <summary>The name a point's test goes by in results.json, JUnit and `bench plans` (the plan's own `test:` spelling).</summary>
public static class PointTestNames
{
    public static string WireName(this PointTest test) => test switch
    {
        PointTest.Influence => "influence",
        PointTest.Starting => "starting",
        PointTest.NoLoad => "no-load",
        PointTest.Repeatability => "repeatability",
        PointTest.PowerQuality => "power-quality",
        PointTest.PmdFunction => "pmd-function",
        _ => "accuracy",
    };
}
