using Bench.Dsp.Flicker;

namespace Bench.Dsp.Tests.Flicker;

public sealed class PltTests
{
    [Test]
    public void Plt_is_the_cube_mean_of_twelve_pst()
    {
        // IEC 61000-4-15: Plt = (Σ Pst³ / 12)^(1/3). Eleven values of 1 and one of 2: (11 + 8)/12 = 19/12.
        double[] pst = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
        Assert.That(Flickermeter.Plt(pst), Is.EqualTo(Math.Cbrt(19.0 / 12)).Within(1e-12));
        Assert.That(Flickermeter.Plt([]), Is.NaN);
    }
}
