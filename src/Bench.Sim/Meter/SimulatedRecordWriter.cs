using System.Globalization;

using Bench.Core.Quantities;
using Bench.Dut.Events;
using Bench.Waveforms.Comtrade;
using Bench.Waveforms.Records;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Meter;

/// <summary>
/// Writes a COMTRADE record (IEEE C37.111-1999, BINARY) for each event the simulated meter logs, named as a PM8000
/// names them (<c>cmt0__00000</c> upward): a few cycles before, the event (at most <see cref="MaxEvent"/>), a few cycles
/// after, synthesised on the grid's clock (phase-continuous, as the meter's own detection sees it: the point on wave
/// where the event starts follows bench time). Both files are written aside and moved in, .dat first, so a poll
/// over SFTP never sees half a record.
/// </summary>
public sealed class SimulatedRecordWriter
{
    private readonly string _folder;
    private readonly double _sampleRateHz;
    private readonly int _cycles;
    private readonly Lock _gate = new();
    private int _next;

    public SimulatedRecordWriter(string folder, double sampleRateHz = 3200, int cyclesAround = 4)
    {
        _folder = folder;
        _sampleRateHz = sampleRateHz;
        _cycles = cyclesAround;
        Directory.CreateDirectory(folder);
    }

    public static TimeSpan MaxEvent { get; } = TimeSpan.FromSeconds(2);

    public void Write(PqEvent e, ThreePhaseSetpoint before, ThreePhaseSetpoint during, ThreePhaseSetpoint after)
    {
        var f = during.FrequencyHz;
        var around = (int)Math.Round(_cycles * _sampleRateHz / f);
        var eventSamples = (int)Math.Round(Math.Min(e.Duration.TotalSeconds, MaxEvent.TotalSeconds) * _sampleRateHz);
        var segments = new[] { (before, around), (during, eventSamples), (after, around) };
        var start = e.Start - TimeSpan.FromSeconds(around / _sampleRateHz);
        var pieces = new List<WaveformRecord>();
        var t = start.UtcDateTime.TimeOfDay.TotalSeconds;
        foreach (var (setpoint, count) in segments)
        {
            pieces.Add(ThreePhaseSynthesizer.Synthesize(setpoint, _sampleRateHz, count, t));
            t += count / _sampleRateHz;
        }

        var channels = pieces[0].Channels
            .Select((c, k) => c with { Samples = pieces.SelectMany(p => p.Channels[k].Samples).ToArray() })
            .ToList();
        var record = new WaveformRecord(_sampleRateHz, f, channels) { StartTime = start };

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
