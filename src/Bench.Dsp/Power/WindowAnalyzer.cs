using Bench.Core.Quantities;
using Bench.Dsp.Kernels;

namespace Bench.Dsp.Power;

/// <summary>
/// Measures a block of three-phase samples over whole 10/12-cycle windows (IEC 61000-4-30 basic interval):
/// RMS, P, Q (fundamental, by DFT), S, PF per phase and the frequency from zero crossings of the first live voltage.
/// The window spans exactly a whole number of cycles of the measured frequency, also when that is not a whole number
/// of samples (<see cref="FractionalWindow"/>), so non-coherent sampling costs no accuracy.
/// </summary>
public static class WindowAnalyzer
{
    public static ThreePhaseMeasurement Measure(IReadOnlyList<double[]> voltages, IReadOnlyList<double[]> currents, double sampleRateHz, double nominalFrequencyHz)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(voltages.Count, currents.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nominalFrequencyHz);
        var frequency = double.NaN;
        foreach (var u in voltages)
        {
            frequency = Frequency.FromZeroCrossings(u, sampleRateHz);
            if (!double.IsNaN(frequency))
            {
                break;
            }
        }

        var f = double.IsNaN(frequency) ? nominalFrequencyHz : frequency;
        var length = voltages.Count == 0 ? 0 : voltages[0].Length;
        var phases = new PhaseMeasurement[voltages.Count];
        var window = WindowLength(length, f, sampleRateHz, nominalFrequencyHz);
        for (var k = 0; k < voltages.Count; k++)
        {
            phases[k] = window < 1
                ? new PhaseMeasurement(0, 0, 0, 0, 0, 0)
                : MeasurePhase(voltages[k], currents[k], f / sampleRateHz, window);
        }

        return new ThreePhaseMeasurement(phases, frequency);
    }

    /// <summary>One phase over a window of <paramref name="length"/> samples spanning whole cycles.</summary>
    public static PhaseMeasurement MeasurePhase(ReadOnlySpan<double> u, ReadOnlySpan<double> i, double cyclesPerSample, double length)
    {
        var urms = Math.Sqrt(Math.Max(0, FractionalWindow.MeanSquare(u, length)));
        var irms = Math.Sqrt(Math.Max(0, FractionalWindow.MeanSquare(i, length)));
        var p = FractionalWindow.MeanProduct(u, i, length);
        var s = urms * irms;
        var q = Fundamental.ReactivePowerOverWindow(u, i, cyclesPerSample, length);
        return new PhaseMeasurement(urms, irms, p, q, s, s == 0 ? 0 : p / s);
    }

    /// <summary>
    /// Window length in samples: as many whole 10/12-cycle windows as the block holds, or, for a block shorter than one,
    /// as many whole cycles; 0 when the block holds no whole cycle.
    /// </summary>
    public static double WindowLength(int sampleCount, double frequencyHz, double sampleRateHz, double nominalFrequencyHz)
    {
        var samplesPerCycle = sampleRateHz / frequencyHz;
        var cyclesPerWindow = nominalFrequencyHz >= 55 ? 12 : 10;
        var available = Math.Floor((sampleCount - 2) / samplesPerCycle);
        if (available < 1)
        {
            return 0;
        }

        var cycles = available >= cyclesPerWindow ? Math.Floor(available / cyclesPerWindow) * cyclesPerWindow : available;
        return cycles * samplesPerCycle;
    }
}
