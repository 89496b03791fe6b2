using System.Buffers.Binary;

using Bench.Core.Results;
using Bench.Reports.Comparison;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Comparison;

[TestFixture("en-US")]
[TestFixture("de-DE")]
public sealed class DriftPlotTests(string culture) : CultureFixture(culture)
{
    private static ComparisonResult Sample() => RunComparison.Compare(
        SampleRuns.Run([SampleRuns.Point("a", 5, "1", 0.05, 0.2, Verdict.Pass), SampleRuns.Point("b", 100, "1", 0.1, 0.2, Verdict.Pass)]),
        SampleRuns.Run([SampleRuns.Point("a", 5, "1", 0.06, 0.2, Verdict.Pass), SampleRuns.Point("b", 100, "1", 0.25, 0.2, Verdict.Fail)]));

    [Test]
    public void Png_has_the_requested_size()
    {
        using var temp = new TempFolder();
        var path = temp.File("drift.png");
        DriftPlot.SavePng(Sample(), path, 900, 450);
        KeptOutput.Keep(path, $"drift-{Culture}.png");
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes[1..4], Is.EqualTo("PNG"u8.ToArray()));
        // IHDR: width and height, big-endian, at bytes 16 and 20 (PNG specification §11.2.2).
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), Is.EqualTo(900));
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)), Is.EqualTo(450));
    }

    [Test]
    public void Svg_carries_labels_in_invariant_culture()
    {
        using var temp = new TempFolder();
        var path = temp.File("drift.svg");
        DriftPlot.SaveSvg(Sample(), path);
        var svg = File.ReadAllText(path);
        Assert.That(svg, Does.Contain("Drift, candidate − baseline (% of reading)"));
        Assert.That(svg, Does.Contain("±0.25 × limit"));
        Assert.That(svg, Does.Contain("verdict regressed"));
    }
}
