using System.Globalization;
using System.Text;

using Bench.Waveforms.Records;

namespace Bench.Waveforms.Csv;

/// <summary>Writes the CSV waveform format that <see cref="CsvWaveformReader"/> reads (round-trip exact with "R" formatting).</summary>
public static class CsvWaveformWriter
{
    public static void Write(WaveformRecord record, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(record, w);
    }

    public static void Write(WaveformRecord record, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine("# bench waveform csv");
        if (double.IsFinite(record.NominalFrequencyHz))
        {
            w.WriteLine(string.Create(inv, $"# nominal_frequency_hz={record.NominalFrequencyHz:R}"));
        }

        if (record.StartTime is { } start)
        {
            w.WriteLine("# start_time=" + start.ToString("O", inv));
        }

        w.WriteLine("time_s," + string.Join(',', record.Channels.Select(c => c.Phase.Length > 0 ? $"{c.Name}[{c.Unit}]@{c.Phase}" : $"{c.Name}[{c.Unit}]")));
        var line = new StringBuilder();
        for (var i = 0; i < record.SampleCount; i++)
        {
            line.Clear();
            line.Append((i / record.SampleRateHz).ToString("R", inv));
            foreach (var c in record.Channels)
            {
                line.Append(',').Append(c.Samples[i].ToString("R", inv));
            }

            w.WriteLine(line);
        }
    }
}
