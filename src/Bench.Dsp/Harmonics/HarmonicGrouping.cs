namespace Bench.Dsp.Harmonics;

/// <summary>
/// IEC 61000-4-7 groupings of a C-cycle spectrum (C = 10 at 50 Hz, 12 at 60 Hz; harmonic h sits at bin C·h).
/// Inputs are bin magnitudes squared (RMS²), as <see cref="Power"/> gives them.
/// </summary>
public static class HarmonicGrouping
{
    /// <summary>|X[k]|² of RMS phasor bins; for k = 0 the square of the mean.</summary>
    public static void Power(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<double> power)
    {
        for (var k = 0; k < power.Length; k++)
        {
            power[k] = (re[k] * re[k]) + (im[k] * im[k]);
        }
    }

    /// <summary>Harmonic subgroup (Class A voltages): the harmonic bin and one neighbour each side. Order 0 is the DC bin alone.</summary>
    public static double Subgroup(ReadOnlySpan<double> power, int cycles, int order)
    {
        var k = cycles * order;
        if (order == 0)
        {
            return Math.Sqrt(power[0]);
        }

        return Math.Sqrt(power[k - 1] + power[k] + (k + 1 < power.Length ? power[k + 1] : 0));
    }

    /// <summary>Harmonic group: bins within ±C/2 of the harmonic, the two outermost at half weight.</summary>
    public static double Group(ReadOnlySpan<double> power, int cycles, int order)
    {
        var k = cycles * order;
        var half = cycles / 2;
        double sum = 0;
        for (var i = -half; i <= half; i++)
        {
            var j = k + i;
            if (j <= 0 || j >= power.Length)
            {
                continue;
            }

            sum += Math.Abs(i) == half ? power[j] / 2 : power[j];
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Interharmonic centred subgroup between orders h and h+1: bins C·h+2 … C·h+C−2.</summary>
    public static double InterharmonicCentredSubgroup(ReadOnlySpan<double> power, int cycles, int order)
    {
        var k = cycles * order;
        double sum = 0;
        for (var j = k + 2; j <= k + cycles - 2 && j < power.Length; j++)
        {
            sum += power[j];
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Interharmonic group between orders h and h+1: bins C·h+1 … C·h+C−1.</summary>
    public static double InterharmonicGroup(ReadOnlySpan<double> power, int cycles, int order)
    {
        var k = cycles * order;
        double sum = 0;
        for (var j = k + 1; j <= k + cycles - 1 && j < power.Length; j++)
        {
            sum += power[j];
        }

        return Math.Sqrt(sum);
    }

    /// <summary>RMS of the bins from <paramref name="fromHz"/> to <paramref name="toHz"/> (mains signalling voltage).</summary>
    public static double Band(ReadOnlySpan<double> power, double binHz, double fromHz, double toHz)
    {
        double sum = 0;
        var first = Math.Max(0, (int)Math.Ceiling((fromHz / binHz) - 1e-9));
        var last = Math.Min(power.Length - 1, (int)Math.Floor((toHz / binHz) + 1e-9));
        for (var j = first; j <= last; j++)
        {
            sum += power[j];
        }

        return Math.Sqrt(sum);
    }
}
