namespace Bench.Dsp.Power;

/// <summary>Fundamental phasors by a single-bin DFT at the measured frequency, over a whole number of cycles.</summary>
public static class Fundamental
{
    /// <summary>Fundamental reactive power Q1 = U1·I1·sin(φu − φi) (IEEE 1459); positive when the current lags.</summary>
    public static double ReactivePower(ReadOnlySpan<double> u, ReadOnlySpan<double> i, double frequencyHz, double sampleRateHz)
    {
        var (ur, ui) = Phasor(u, frequencyHz, sampleRateHz);
        var (ir, ii) = Phasor(i, frequencyHz, sampleRateHz);

        // Im(U · conj(I)) with RMS phasors.
        return (ui * ir) - (ur * ii);
    }

    /// <summary>RMS phasor (real, imaginary) of the component at <paramref name="frequencyHz"/>, referred to sin(ωt).</summary>
    public static (double Re, double Im) Phasor(ReadOnlySpan<double> x, double frequencyHz, double sampleRateHz)
    {
        double re = 0, im = 0;
        var w = 2 * Math.PI * frequencyHz / sampleRateHz;
        for (var n = 0; n < x.Length; n++)
        {
            re += x[n] * Math.Sin(w * n);
            im += x[n] * Math.Cos(w * n);
        }

        var scale = Math.Sqrt(2) / x.Length;
        return (re * scale, im * scale);
    }
}
