namespace Bench.Dsp.Power;

/// <summary>Voltage unbalance from symmetrical components of the three fundamental phasors (IEC 61000-4-30 §5.7).</summary>
public static class Unbalance
{
    /// <summary>
    /// (u0, u2) = (U0/U1, U2/U1) in percent, with U1 = (Ua + a·Ub + a²·Uc)/3, U2 = (Ua + a²·Ub + a·Uc)/3,
    /// U0 = (Ua + Ub + Uc)/3 and a = e^{j120°}. Also valid for line-to-line phasors (then U0 = 0).
    /// </summary>
    public static (double U0Percent, double U2Percent) Percent(ReadOnlySpan<double> re, ReadOnlySpan<double> im)
    {
        const double c = -0.5;
        var s = Math.Sqrt(3) / 2;

        // a·X and a²·X for X = (re, im).
        (double, double) A(double r, double i) => ((c * r) - (s * i), (s * r) + (c * i));
        (double, double) A2(double r, double i) => ((c * r) + (s * i), (-s * r) + (c * i));
        var (abR, abI) = A(re[1], im[1]);
        var (a2cR, a2cI) = A2(re[2], im[2]);
        var (a2bR, a2bI) = A2(re[1], im[1]);
        var (acR, acI) = A(re[2], im[2]);
        var pos = Math.Sqrt(Sq(re[0] + abR + a2cR) + Sq(im[0] + abI + a2cI)) / 3;
        var neg = Math.Sqrt(Sq(re[0] + a2bR + acR) + Sq(im[0] + a2bI + acI)) / 3;
        var zero = Math.Sqrt(Sq(re[0] + re[1] + re[2]) + Sq(im[0] + im[1] + im[2])) / 3;
        return pos == 0 ? (0, 0) : (100 * zero / pos, 100 * neg / pos);
    }

    private static double Sq(double x) => x * x;
}
