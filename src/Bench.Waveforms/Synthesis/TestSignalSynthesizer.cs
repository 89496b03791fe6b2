using Bench.Core.Quantities;
using Bench.Waveforms.Records;

namespace Bench.Waveforms.Synthesis;

/// <summary>Samples a <see cref="TestSignal"/>: channels UA, UB, UC, IA, IB, IC (as many phases as the setpoint has).</summary>
public static class TestSignalSynthesizer
{
    private static readonly string[] PhaseNames = ["A", "B", "C"];

    public static WaveformRecord Synthesize(TestSignal signal, double sampleRateHz, int sampleCount, double startTimeS = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        var phases = signal.Setpoint.Phases;
        var theta = new double[sampleCount];
        for (var n = 0; n < sampleCount; n++)
        {
            theta[n] = 2 * Math.PI * signal.CyclesAt(startTimeS + (n / sampleRateHz));
        }

        var random = new Random(signal.NoiseSeed);
        var channels = new List<WaveformChannel>(phases.Count * 2);
        for (var k = 0; k < phases.Count; k++)
        {
            var p = phases[k];
            var u = new double[sampleCount];
            Fill(u, signal, k, p.VoltageV, p.VoltageAngleDeg, p.VoltageHarmonics, theta, sampleRateHz, startTimeS, voltage: true);
            AddNoise(u, p.VoltageV * signal.VoltageNoisePercent / 100, random);
            channels.Add(new WaveformChannel("U" + PhaseNames[k % 3], PhaseNames[k % 3], "V", u));
        }

        for (var k = 0; k < phases.Count; k++)
        {
            var p = phases[k];
            var i = new double[sampleCount];
            Fill(i, signal, k, p.CurrentA, p.CurrentAngleDeg, p.CurrentHarmonics, theta, sampleRateHz, startTimeS, voltage: false);
            AddNoise(i, p.CurrentA * signal.CurrentNoisePercent / 100, random);
            channels.Add(new WaveformChannel("I" + PhaseNames[k % 3], PhaseNames[k % 3], "A", i));
        }

        return new WaveformRecord(sampleRateHz, signal.Setpoint.FrequencyHz, channels);
    }

    /// <summary>Channels interleaved per sample (UA, UB, UC, IA, IB, IC, UA, …), the layout a streaming meter takes.</summary>
    public static double[] Interleave(WaveformRecord record, IReadOnlyList<WaveformChannel>? order = null)
    {
        var channels = order ?? record.Channels;
        var n = record.SampleCount;
        var c = channels.Count;
        var frames = new double[n * c];
        for (var k = 0; k < c; k++)
        {
            var samples = channels[k].Samples;
            for (var i = 0; i < n; i++)
            {
                frames[(i * c) + k] = samples[i];
            }
        }

        return frames;
    }

    private static void Fill(Span<double> x, TestSignal signal, int phase, double rms, double angleDeg, IReadOnlyList<HarmonicComponent> harmonics, double[] theta, double fs, double start, bool voltage)
    {
        var peak = Math.Sqrt(2) * rms;
        for (var n = 0; n < x.Length; n++)
        {
            var t = start + (n / fs);
            var jumpDeg = 0.0;
            foreach (var jump in signal.PhaseJumps)
            {
                if (t >= jump.AtS && (jump.Phases.Count == 0 || jump.Phases.Contains(phase)))
                {
                    jumpDeg += jump.Degrees;
                }
            }

            // A jump moves the whole waveform: the fundamental by Δ, harmonic h by h·Δ.
            var jumped = theta[n] + (jumpDeg * Math.PI / 180);
            var value = Math.Sin(jumped + (angleDeg * Math.PI / 180));
            foreach (var h in harmonics)
            {
                value += h.PercentOfFundamental / 100 * Math.Sin((h.Order * jumped) + (h.AngleDeg * Math.PI / 180));
            }

            var envelope = 1.0;
            if (voltage)
            {
                if (signal.Flicker is { } flicker)
                {
                    envelope *= flicker.Envelope(t);
                }

                foreach (var e in signal.VoltageEvents)
                {
                    if (e.Affects(phase) && e.IsActive(t))
                    {
                        envelope *= e.LevelPercent / 100;
                    }
                }
            }

            x[n] = peak * envelope * value;
        }
    }

    private static void AddNoise(Span<double> x, double rms, Random random)
    {
        if (rms <= 0)
        {
            return;
        }

        for (var n = 0; n < x.Length; n++)
        {
            // Box–Muller.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            x[n] += rms * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }
}
