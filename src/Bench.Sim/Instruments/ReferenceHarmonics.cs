using Bench.Core.Quantities;
using Bench.Dsp.Harmonics;
using Bench.Dsp.Kernels;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Instruments;

/// <summary>
/// THD as the simulated reference standard measures it: the terminals' waveforms synthesised at its own sampling
/// (512.7 samples per cycle, started at another point of the source's time axis than the meter's) and analysed with
/// Bench.Dsp's IEC 61000-4-7 kernels over one 10/12-cycle interval: THD-F = √(Σ Yh²) / Y1 over harmonic subgroups
/// h = 2…50 (IEC 61000-4-30 uses h ≤ 40; the reference reads to 50, as power analysers do).
/// </summary>
internal static class ReferenceHarmonics
{
    private const double SamplesPerCycle = 512.7;
    private const int MaxOrder = 50;
    private const double StartPhaseS = 0.00371;

    /// <returns>THD in percent per channel: each phase voltage, then each current (0 for a channel without signal).</returns>
    public static double[] ThdPercent(ThreePhaseSetpoint output, double measuredFrequencyHz)
    {
        var nominal = output.FrequencyHz;
        var f = double.IsFinite(measuredFrequencyHz) && measuredFrequencyHz > 0 ? measuredFrequencyHz : nominal;
        var cycles = nominal >= 55 ? 12 : 10;
        var rate = SamplesPerCycle * nominal;
        var length = cycles * rate / f;
        var margin = LagrangeResampler.MarginBefore;
        var count = (int)Math.Ceiling(length) + margin + LagrangeResampler.MarginAfter + 2;
        var record = ThreePhaseSynthesizer.Synthesize(output, rate, count, StartPhaseS);
        var bins = (cycles * MaxOrder) + (cycles / 2) + 1;
        var spectrum = new IntervalSpectrum(bins, count, SamplesPerCycle, MaxOrder);
        var re = new double[bins];
        var im = new double[bins];
        var power = new double[bins];
        var byOrder = new double[MaxOrder + 1];
        var thd = new double[record.Channels.Count];
        for (var c = 0; c < record.Channels.Count; c++)
        {
            spectrum.Analyze(record.Channels[c].Samples, margin, length, re, im);
            HarmonicGrouping.Power(re, im, power);
            for (var h = 1; h <= MaxOrder; h++)
            {
                byOrder[h] = HarmonicGrouping.Subgroup(power, cycles, h);
            }

            thd[c] = DistortionIndices.ThdPercent(byOrder, MaxOrder);
        }

        return thd;
    }
}
