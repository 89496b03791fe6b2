using Bench.Dsp.Flicker;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Meter;

/// <summary>
/// The simulated meter's Pst (IEC 61000-4-15 flickermeter of <see cref="Flickermeter"/>) of a steady, modulated phase
/// voltage: the signal √2·U·m(t)·sin(2πft) is synthesised at 32 samples per cycle for 120 s of filter settling
/// (power-quality.md: "about 120 s … before the 600 s Pst window") and the 600 s observation period, and the period's
/// Pst returned. 720 s of signal at 1.6 kHz is about 1.2 million samples: well under a second of CPU.
/// </summary>
public static class FlickerSeverity
{
    private const double SettleS = 120;
    private const double PeriodS = 600;
    private const int SamplesPerCycle = 32;

    /// <param name="voltageV">RMS of the unmodulated voltage; selects the lamp (≤ 150 V: 120 V lamp).</param>
    /// <param name="frequencyHz">Frequency of the voltage.</param>
    /// <param name="nominalFrequencyHz">Frequency the flickermeter's weighting filter is built for (50 or 60 Hz).</param>
    /// <param name="modulation">The modulation; null = steady voltage (Pst ≈ 0).</param>
    public static double Pst(double voltageV, double frequencyHz, double nominalFrequencyHz, FlickerModulation? modulation)
    {
        if (voltageV <= 0)
        {
            return 0;
        }

        var rate = frequencyHz * SamplesPerCycle;
        var meter = new Flickermeter(rate, nominalFrequencyHz, voltageV <= 150 ? FlickerLamp.Lamp120V : FlickerLamp.Lamp230V);
        var amplitude = Math.Sqrt(2) * voltageV;
        var settle = (long)(SettleS * rate);
        var total = settle + (long)(PeriodS * rate);
        var block = new double[4096];
        for (long n = 0; n < total;)
        {
            var count = (int)Math.Min(block.Length, (n < settle ? settle : total) - n);
            for (var k = 0; k < count; k++)
            {
                var t = (n + k) / rate;
                var envelope = modulation?.Envelope(t) ?? 1;
                block[k] = amplitude * envelope * Math.Sin(2 * Math.PI * (((n + k) % SamplesPerCycle) / (double)SamplesPerCycle));
            }

            meter.Push(block.AsSpan(0, count));
            n += count;
            if (n == settle)
            {
                meter.EndPeriod(); // the settling part is not observed
            }
        }

        return meter.EndPeriod();
    }
}
