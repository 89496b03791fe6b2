using Bench.Core.Quantities;
using Bench.Dsp.Harmonics;
using Bench.Dsp.Kernels;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Meter;

/// <summary>
/// THD of the simulated meter's voltages and currents: the terminals' waveforms synthesised and measured with the
/// reference meter's IEC 61000-4-7 kernels (one 10/12-cycle interval, harmonic subgroups up to order 40).
/// </summary>
public static class HarmonicDistortion
{
    private const double SamplesPerCycle = 256.3;
    private const int MaxOrder = 40;

    /// <returns>THD in percent per channel: voltages of each phase, then currents (0 for a channel without signal).</returns>
    public static double[] ThdPercent(ThreePhaseSetpoint output, double measuredFrequencyHz)
    {
        var nominal = output.FrequencyHz;
        var f = double.IsFinite(measuredFrequencyHz) && measuredFrequencyHz > 0 ? measuredFrequencyHz : nominal;
        var cycles = nominal >= 55 ? 12 : 10;
        var rate = SamplesPerCycle * nominal;
        var length = cycles * rate / f;
        var margin = LagrangeResampler.MarginBefore;
        var count = (int)Math.Ceiling(length) + margin + LagrangeResampler.MarginAfter + 2;
        var record = ThreePhaseSynthesizer.Synthesize(output, rate, count, 0.00123);
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
