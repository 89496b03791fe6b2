using Bench.Core.Quantities;

namespace Bench.Dsp.Power;

/// <summary>
/// Measures a block of three-phase samples over whole 10/12-cycle windows (IEC 61000-4-30 basic interval):
/// RMS, P, Q (fundamental, by DFT), S, PF per phase and the frequency from zero crossings of phase 1 voltage.
/// </summary>
public static class WindowAnalyzer
{
    public static ThreePhaseMeasurement Measure(IReadOnlyList<double[]> voltages, IReadOnlyList<double[]> currents, double sampleRateHz, double nominalFrequencyHz)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(voltages.Count, currents.Count);
        var frequency = voltages.Count > 0 ? Frequency.FromZeroCrossings(voltages[0], sampleRateHz) : double.NaN;
        var f = double.IsNaN(frequency) ? nominalFrequencyHz : frequency;
        var cyclesPerWindow = nominalFrequencyHz >= 55 ? 12 : 10;
        var samplesPerWindow = (int)Math.Round(cyclesPerWindow * sampleRateHz / f);
        var length = voltages.Count == 0 ? 0 : voltages[0].Length;
        var windows = Math.Max(1, length / Math.Max(1, samplesPerWindow));
        var used = Math.Min(length, windows * samplesPerWindow);
        var phases = new PhaseMeasurement[voltages.Count];
        for (var k = 0; k < voltages.Count; k++)
        {
            var u = voltages[k].AsSpan(0, used);
            var i = currents[k].AsSpan(0, used);
            double su = 0, si = 0, sp = 0;
            for (var n = 0; n < used; n++)
            {
                su += u[n] * u[n];
                si += i[n] * i[n];
                sp += u[n] * i[n];
            }

            var urms = Math.Sqrt(su / used);
            var irms = Math.Sqrt(si / used);
            var p = sp / used;
            var s = urms * irms;
            var q = Fundamental.ReactivePower(u, i, f, sampleRateHz);
            phases[k] = new PhaseMeasurement(urms, irms, p, q, s, s == 0 ? 0 : p / s);
        }

        return new ThreePhaseMeasurement(phases, frequency);
    }
}
