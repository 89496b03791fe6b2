using Bench.Core.Quantities;
using Bench.Waveforms.Records;

namespace Bench.Waveforms.Synthesis;

/// <summary>Turns a source setpoint into the sampled voltages and currents the source would put out.</summary>
public static class ThreePhaseSynthesizer
{
    private static readonly string[] PhaseNames = ["A", "B", "C"];

    /// <summary>
    /// Samples <paramref name="sampleCount"/> points of every phase's U and I (channels UA, UB, UC, IA, IB, IC),
    /// starting at <paramref name="startTimeS"/> seconds on the source's own time axis.
    /// </summary>
    public static WaveformRecord Synthesize(ThreePhaseSetpoint setpoint, double sampleRateHz, int sampleCount, double startTimeS = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        var channels = new List<WaveformChannel>(setpoint.Phases.Count * 2);
        for (var k = 0; k < setpoint.Phases.Count; k++)
        {
            var p = setpoint.Phases[k];
            var u = new double[sampleCount];
            Fill(u, p.VoltageV, p.VoltageAngleDeg, p.VoltageHarmonics, setpoint.FrequencyHz, sampleRateHz, startTimeS);
            channels.Add(new WaveformChannel("U" + PhaseNames[k % 3], PhaseNames[k % 3], "V", u));
        }

        for (var k = 0; k < setpoint.Phases.Count; k++)
        {
            var p = setpoint.Phases[k];
            var i = new double[sampleCount];
            Fill(i, p.CurrentA, p.CurrentAngleDeg, p.CurrentHarmonics, setpoint.FrequencyHz, sampleRateHz, startTimeS);
            channels.Add(new WaveformChannel("I" + PhaseNames[k % 3], PhaseNames[k % 3], "A", i));
        }

        return new WaveformRecord(sampleRateHz, setpoint.FrequencyHz, channels);
    }

    /// <summary>x(t) = √2·Rms·[sin(ωt + φ) + Σ h/100·sin(nωt + φn)].</summary>
    private static void Fill(Span<double> samples, double rms, double angleDeg, IReadOnlyList<HarmonicComponent> harmonics, double frequencyHz, double sampleRateHz, double startTimeS)
    {
        var peak = Math.Sqrt(2) * rms;
        var omega = 2 * Math.PI * frequencyHz;
        var phi = angleDeg * Math.PI / 180;
        for (var n = 0; n < samples.Length; n++)
        {
            var t = startTimeS + (n / sampleRateHz);
            var value = Math.Sin((omega * t) + phi);
            foreach (var h in harmonics)
            {
                value += h.PercentOfFundamental / 100 * Math.Sin((h.Order * omega * t) + (h.AngleDeg * Math.PI / 180));
            }

            samples[n] = peak * value;
        }
    }
}
