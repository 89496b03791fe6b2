using System.Globalization;

using Bench.Core.Quantities;
using Bench.Dut.Events;
using Bench.Waveforms.Comtrade;
using Bench.Waveforms.Records;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Meter;

/// <summary>
/// Writes a COMTRADE record (IEEE C37.111-1999, BINARY) for each event the simulated meter logs, named as a PM8000
/// names them (<c>cmt0__00000</c> upward): <see cref="PreTriggerCycles"/> before (enough for one IEC 61000-4-7
/// 10/12-cycle window of the steady waveform), the event (at most <see cref="MaxEvent"/>), a few cycles after,
/// synthesised on the grid's clock (phase-continuous, as the meter's own detection sees it: the point on wave where the
/// event starts follows bench time). Both files are written aside and moved in, .dat first, so a poll over SFTP never
/// sees half a record.
/// </summary>
public sealed class SimulatedRecordWriter
{
    private readonly string _folder;
    private readonly double _sampleRateHz;
    private readonly int _cycles;
    private readonly int _preCycles;
    private readonly Lock _gate = new();
    private int _next;

    public const int PreTriggerCycles = 16;

    public SimulatedRecordWriter(string folder, double sampleRateHz = 6400, int cyclesAfter = 4, int cyclesBefore = PreTriggerCycles)
    {
        _folder = folder;
        _sampleRateHz = sampleRateHz;
        _cycles = cyclesAfter;
        _preCycles = cyclesBefore;
        Directory.CreateDirectory(folder);
    }

    public static TimeSpan MaxEvent { get; } = TimeSpan.FromSeconds(2);

    /// <summary>How far the meter's clock is off: records are stamped by it, as its event log is (the waveform is the grid's).</summary>
    public TimeSpan ClockOffset { get; init; }

    /// <summary>Gain of the recorder's channels (1 = exact): a meter whose waveform capture reads high or low.</summary>
    public double Gain { get; init; } = 1;

    public void Write(PqEvent e, ThreePhaseSetpoint before, ThreePhaseSetpoint during, ThreePhaseSetpoint afterwards)
    {
        var f = during.FrequencyHz;
        var around = (int)Math.Round(_preCycles * _sampleRateHz / f);
        var after = (int)Math.Round(_cycles * _sampleRateHz / f);
        var eventSamples = (int)Math.Round(Math.Min(e.Duration.TotalSeconds, MaxEvent.TotalSeconds) * _sampleRateHz);
        var segments = new[] { (before, around), (during, eventSamples), (afterwards, after) };
        var start = e.Start - TimeSpan.FromSeconds(around / _sampleRateHz);
        var pieces = new List<WaveformRecord>();
        var t = start.UtcDateTime.TimeOfDay.TotalSeconds;
        foreach (var (setpoint, count) in segments)
        {
            pieces.Add(ThreePhaseSynthesizer.Synthesize(setpoint, _sampleRateHz, count, t));
            t += count / _sampleRateHz;
        }

        var channels = pieces[0].Channels
            .Select((c, k) => c with { Samples = pieces.SelectMany(p => p.Channels[k].Samples).Select(x => x * Gain).ToArray() })
            .ToList();
        var record = new WaveformRecord(_sampleRateHz, f, channels) { StartTime = start + ClockOffset };

        string name;
        lock (_gate)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"cmt0__{_next++:00000}");
        }

        var staging = Directory.CreateTempSubdirectory("bench-cmt-").FullName;
        try
        {
            var cfg = Path.Combine(staging, name + ".cfg");
            ComtradeWriter.Write(record, cfg, ComtradeFileType.Binary, 1999, "BENCH", "SIM-PM8000");
            File.Move(Path.ChangeExtension(cfg, ".dat"), Path.Combine(_folder, name + ".dat"), overwrite: true);
            File.Move(cfg, Path.Combine(_folder, name + ".cfg"), overwrite: true);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
