using Bench.Dsp.Flicker;

namespace Bench.Dsp.Tests.Flicker;

/// <summary>
/// The classifier steps along the class edges from the previous class when Pinst moves little and takes a logarithm
/// after a jump. Truth: the same values in a shuffled order (jumps, so mostly the logarithm) must fill the same classes,
/// so every percentile comes out identical.
/// </summary>
public sealed class PstClassifierTests
{
    [Test]
    public void Stepping_and_logarithm_put_every_value_in_the_same_class()
    {
        var random = new Random(7);
        var walk = new double[200_000];
        var x = 0.5;
        for (var i = 0; i < walk.Length; i++)
        {
            x *= Math.Exp((random.NextDouble() - 0.5) * 0.02);
            x = Math.Clamp(x, 2e-4, 5e4);
            walk[i] = x;
        }

        var shuffled = walk.OrderBy(_ => random.Next()).ToArray();
        var stepping = new PstClassifier();
        var jumping = new PstClassifier();
        foreach (var v in walk)
        {
            stepping.Add(v);
        }

        foreach (var v in shuffled)
        {
            jumping.Add(v);
        }

        foreach (var p in new[] { 0.1, 0.7, 1, 1.5, 2.2, 3, 4, 6, 8, 10, 13, 17, 30, 50, 80 })
        {
            Assert.That(stepping.Percentile(p), Is.EqualTo(jumping.Percentile(p)), $"P{p}");
        }

        Assert.That(stepping.Pst(), Is.EqualTo(jumping.Pst()));
    }
}
