using Bench.Core.Errors;
using Bench.Dsp.Streaming;
using Bench.Waveforms.Comtrade;
using Bench.Waveforms.Csv;
using Bench.Waveforms.Records;

namespace Bench.Cli.Analyze;

/// <summary>
/// A waveform file made ready for the reference meter: voltages and currents picked by unit (V/kV, A/kA) and phase
/// (A/B/C, 1/2/3, L1/L2/L3, R/S/T), scaled to V and A, ordered L1..L3 by the file's phases, and the settings to use.
/// </summary>
public sealed record AnalysisInput(WaveformRecord Record, IReadOnlyList<WaveformChannel> Voltages, IReadOnlyList<WaveformChannel> Currents, MeterSettings Settings, string Source)
{
    private static readonly double[] StandardVoltages = [100, 110, 115, 120, 127, 200, 208, 220, 230, 240, 277, 347, 400, 415, 480, 600, 690];

    public static WaveformRecord Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new BenchInputException(path, "file not found");
        }

        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".cfg" or ".cff" => ComtradeReader.ReadWaveform(path),
            ".csv" => CsvWaveformReader.Read(path),
            _ => throw new BenchInputException(path, "expected a COMTRADE .cfg/.cff or a .csv waveform"),
        };
    }

    public static AnalysisInput Prepare(WaveformRecord record, string source, double? nominalVoltage, double? nominalFrequency, Wiring? wiring)
    {
        var voltages = Pick(record, c => c.IsVoltage);
        var currents = Pick(record, c => c.IsCurrent);
        if (voltages.Count == 0)
        {
            throw new BenchInputException(source, "no voltage channel (unit V or kV) with a phase A/B/C, 1/2/3, L1/L2/L3 or R/S/T");
        }

        var w = wiring ?? (voltages.Count >= 3 ? Wiring.ThreePhaseFourWire : Wiring.OnePhaseTwoWire);
        var phases = w == Wiring.OnePhaseTwoWire ? 1 : 3;
        if (voltages.Count < phases)
        {
            throw new BenchInputException(source, $"{WiringName(w)} needs {phases} voltage channels, the file has {voltages.Count}");
        }

        voltages = [.. voltages.Take(phases)];
        currents = currents.Count >= phases ? [.. currents.Take(phases)] : [];
        // The file's line frequency names the system (a recorder may write the frequency it saw, e.g. 49.95).
        var f = nominalFrequency ?? (double.IsFinite(record.NominalFrequencyHz) && record.NominalFrequencyHz is >= 40 and <= 70 ? (record.NominalFrequencyHz < 55 ? 50 : 60) : 50);
        if (f is not (50 or 60))
        {
            throw new BenchInputException("--nominal-frequency", $"{f} Hz: the engine measures 50 and 60 Hz systems");
        }

        var spc = record.SampleRateHz / f;
        if (spc is < 31.5 or > 2050)
        {
            throw new BenchInputException(source, $"sampled at {record.SampleRateHz:0.###} Hz, {spc:0.#} samples per cycle; the engine needs 32 to 1024 (up to 2048)");
        }

        var u = nominalVoltage ?? GuessNominal(voltages[0], record.SampleRateHz, f);
        if (!(u > 0))
        {
            throw new BenchInputException("--nominal-voltage", "must be positive");
        }

        var settings = new MeterSettings(record.SampleRateHz, f, u, w)
        {
            CurrentChannels = currents.Count,
            MaxHarmonicOrder = 50,
            // 10-min and 2-h values count from the first sample: a record has no clock ticks of its own to honour.
            StartTime = DateTimeOffset.UnixEpoch,
        };
        return new AnalysisInput(record, voltages, currents, settings, source);
    }

    public static string WiringName(Wiring w) => w switch
    {
        Wiring.OnePhaseTwoWire => "1P2W",
        Wiring.ThreePhaseThreeWire => "3P3W",
        _ => "3P4W",
    };

    /// <summary>Channels interleaved per sample in engine order (voltages, then currents), in V and A.</summary>
    public double[] Frames(int first, int count)
    {
        var channels = Voltages.Concat(Currents).ToArray();
        var scale = channels.Select(c => c.Unit.StartsWith('k') || c.Unit.StartsWith('K') ? 1000.0 : 1.0).ToArray();
        var frames = new double[count * channels.Length];
        for (var k = 0; k < channels.Length; k++)
        {
            var s = channels[k].Samples;
            for (var i = 0; i < count; i++)
            {
                frames[(i * channels.Length) + k] = s[first + i] * scale[k];
            }
        }

        return frames;
    }

    private static List<WaveformChannel> Pick(WaveformRecord record, Func<WaveformChannel, bool> kind)
    {
        // First channel of each phase, in the order of the phases (L1, L2, L3); phase-less channels only for 1P2W.
        var byPhase = new WaveformChannel?[3];
        WaveformChannel? unphased = null;
        foreach (var c in record.Channels.Where(kind))
        {
            var p = PhaseLabel.Of(c);
            if (p >= 0)
            {
                byPhase[p] ??= c;
            }
            else if (!c.Phase.Trim().Equals("N", StringComparison.OrdinalIgnoreCase))
            {
                unphased ??= c;
            }
        }

        var list = byPhase.Where(c => c is not null).Select(c => c!).ToList();
        if (list.Count == 0 && unphased is not null)
        {
            list.Add(unphased);
        }

        return list;
    }

    /// <summary>Nearest standard nominal voltage to the RMS of the first ten cycles (when --nominal-voltage is not given).</summary>
    private static double GuessNominal(WaveformChannel channel, double rate, double f)
    {
        var n = Math.Min(channel.Samples.Length, (int)(10 * rate / f));
        var scale = channel.Unit.StartsWith('k') || channel.Unit.StartsWith('K') ? 1000.0 : 1.0;
        var rms = n == 0 ? 0 : Math.Sqrt(channel.Samples.Take(n).Average(x => x * x)) * scale;
        if (rms < 50 || rms > 1000)
        {
            return rms > 0 ? rms : 230;
        }

        return StandardVoltages.MinBy(v => Math.Abs(Math.Log(v / rms)));
    }
}
