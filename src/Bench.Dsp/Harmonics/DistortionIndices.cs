namespace Bench.Dsp.Harmonics;

/// <summary>Distortion figures from per-order values (index = order; index 1 the fundamental).</summary>
public static class DistortionIndices
{
    /// <summary>sqrt(Σ_{h=2..H} Yh²) / Y1 in percent: THD from harmonic components, THDS from subgroups, THDG from groups.</summary>
    public static double ThdPercent(ReadOnlySpan<double> byOrder, int maxOrder)
    {
        var fundamental = byOrder[1];
        return fundamental == 0 ? 0 : 100 * RssFromSecond(byOrder, maxOrder) / fundamental;
    }

    /// <summary>Total demand distortion (IEEE 519): sqrt(Σ_{h=2..H} Ih²) / IL in percent.</summary>
    public static double TddPercent(ReadOnlySpan<double> byOrder, int maxOrder, double maximumDemandCurrentA)
        => maximumDemandCurrentA <= 0 ? double.NaN : 100 * RssFromSecond(byOrder, maxOrder) / maximumDemandCurrentA;

    /// <summary>K-factor (UL 1561): Σ h²·Ih² / Σ Ih² over h = 1..H.</summary>
    public static double KFactor(ReadOnlySpan<double> byOrder, int maxOrder)
    {
        double num = 0, den = 0;
        for (var h = 1; h <= maxOrder && h < byOrder.Length; h++)
        {
            var sq = byOrder[h] * byOrder[h];
            num += h * h * sq;
            den += sq;
        }

        return den == 0 ? 0 : num / den;
    }

    private static double RssFromSecond(ReadOnlySpan<double> byOrder, int maxOrder)
    {
        double sum = 0;
        for (var h = 2; h <= maxOrder && h < byOrder.Length; h++)
        {
            sum += byOrder[h] * byOrder[h];
        }

        return Math.Sqrt(sum);
    }
}
