using Bench.Dsp.Kernels;

namespace Bench.Dsp.Power;

/// <summary>Fundamental phasors by a single-bin DFT at the measured frequency, over a whole number of cycles.</summary>
public static class Fundamental
{
    /// <summary>Fundamental reactive power Q1 = U1·I1·sin(φu − φi) (IEEE 1459); positive when the current lags.</summary>
    public static double ReactivePower(ReadOnlySpan<double> u, ReadOnlySpan<double> i, double frequencyHz, double sampleRateHz)
    {
        var length = WholeCycles(u.Length, frequencyHz, sampleRateHz);
        return ReactivePowerOverWindow(u, i, frequencyHz / sampleRateHz, length);
    }

    /// <summary>Q1 over a window of <paramref name="length"/> samples (a whole number of cycles, see <see cref="FractionalWindow"/>).</summary>
    public static double ReactivePowerOverWindow(ReadOnlySpan<double> u, ReadOnlySpan<double> i, double cyclesPerSample, double length)
    {
        var (ur, ui) = FractionalWindow.Phasor(u, cyclesPerSample, length);
        var (ir, ii) = FractionalWindow.Phasor(i, cyclesPerSample, length);

        // Im(U · conj(I)) with RMS phasors.
        return (ui * ir) - (ur * ii);
    }

    /// <summary>RMS phasor (real, imaginary) of the component at <paramref name="frequencyHz"/>, referred to sin(ωt), over the whole cycles the block holds.</summary>
    public static (double Re, double Im) Phasor(ReadOnlySpan<double> x, double frequencyHz, double sampleRateHz)
        => FractionalWindow.Phasor(x, frequencyHz / sampleRateHz, WholeCycles(x.Length, frequencyHz, sampleRateHz));

    /// <summary>Length in samples of the longest whole-cycle window a block of <paramref name="count"/> samples holds.</summary>
    public static double WholeCycles(int count, double frequencyHz, double sampleRateHz)
    {
        var samplesPerCycle = sampleRateHz / frequencyHz;
        var cycles = Math.Floor((count - 2) / samplesPerCycle);
        return Math.Max(1, cycles) * samplesPerCycle;
    }
}
