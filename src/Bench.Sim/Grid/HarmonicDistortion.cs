using Bench.Core.Quantities;
using Bench.Dsp.Harmonics;
using Bench.Dsp.Kernels;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Grid;

/// <summary>
/// THD as a simulated instrument measures it: the terminals' waveforms synthesised at the instrument's own sampling
/// (samples per cycle and a start on the source's time axis of its own, so the meter and the reference never sample
/// alike) and analysed with Bench.Dsp's IEC 61000-4-7 kernels over one 10/12-cycle interval:
/// THD-F = √(Σ Yh²) / Y1 over harmonic subgroups h = 2…maxOrder.
/// </summary>
public static class HarmonicDistortion
{
    /// <summary>The simulated meter: 256.3 samples per cycle, subgroups to order 40 (IEC 61000-4-30).</summary>
    public static double[] MeterThdPercent(ThreePhaseSetpoint output, double measuredFrequencyHz) =>
        ThdPercent(output, measuredFrequencyHz, samplesPerCycle: 256.3, maxOrder: 40, startPhaseS: 0.00123);

    /// <summary>The simulated reference standard: 512.7 samples per cycle, to order 50 as power analysers read.</summary>
    public static double[] ReferenceThdPercent(ThreePhaseSetpoint output, double measuredFrequencyHz) =>
        ThdPercent(output, measuredFrequencyHz, samplesPerCycle: 512.7, maxOrder: 50, startPhaseS: 0.00371);

    /// <returns>THD in percent per channel: voltages of each phase, then currents (0 for a channel without signal).</returns>
    public static double[] ThdPercent(ThreePhaseSetpoint output, double measuredFrequencyHz, double samplesPerCycle, int maxOrder, double startPhaseS)
    {
        var nominal = output.FrequencyHz;
        var f = double.IsFinite(measuredFrequencyHz) && measuredFrequencyHz > 0 ? measuredFrequencyHz : nominal;
        var cycles = nominal >= 55 ? 12 : 10;
        var rate = samplesPerCycle * nominal;
        var length = cycles * rate / f;
        var margin = LagrangeResampler.MarginBefore;
        var count = (int)Math.Ceiling(length) + margin + LagrangeResampler.MarginAfter + 2;
        var record = ThreePhaseSynthesizer.Synthesize(output, rate, count, startPhaseS);
        var bins = (cycles * maxOrder) + (cycles / 2) + 1;
        var spectrum = new IntervalSpectrum(bins, count, samplesPerCycle, maxOrder);
        var re = new double[bins];
        var im = new double[bins];
        var power = new double[bins];
        var byOrder = new double[maxOrder + 1];
        var thd = new double[record.Channels.Count];
        for (var c = 0; c < record.Channels.Count; c++)
        {
            spectrum.Analyze(record.Channels[c].Samples, margin, length, re, im);
            HarmonicGrouping.Power(re, im, power);
            for (var h = 1; h <= maxOrder; h++)
            {
                byOrder[h] = HarmonicGrouping.Subgroup(power, cycles, h);
            }

            thd[c] = DistortionIndices.ThdPercent(byOrder, maxOrder);
        }

        return thd;
    }
}
