using System.Globalization;
using System.Text.RegularExpressions;

using Bench.Core.Errors;
using Bench.Waveforms.Records;

namespace Bench.Waveforms.Csv;

/// <summary>
/// Reads a CSV waveform (README "CSV waveforms"): optional <c># key=value</c> comment lines
/// (<c>nominal_frequency_hz</c>, <c>start_time</c>), a header <c>time_s,NAME[UNIT]@PHASE,…</c> (the @PHASE part optional:
/// then the phase comes from the end of the name), one row per sample at a uniform rate. Invariant culture.
/// </summary>
public static partial class CsvWaveformReader
{
    public static WaveformRecord Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BenchInputException(path, "file not found");
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static WaveformRecord Read(TextReader reader, string source)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? line;
        var lineNo = 0;
        string[]? header = null;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var t = line.Trim();
            if (t.Length == 0)
            {
                continue;
            }

            if (t[0] == '#')
            {
                var eq = t.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    meta[t[1..eq].Trim()] = t[(eq + 1)..].Trim();
                }

                continue;
            }

            header = line.Split(',');
            break;
        }

        if (header is null)
        {
            throw new BenchInputException($"{source}:{lineNo + 1}:1", "no header line (time_s,NAME[UNIT]@PHASE,…)");
        }

        var headerLine = lineNo;
        if (!header[0].Trim().Equals("time_s", StringComparison.OrdinalIgnoreCase))
        {
            throw new BenchInputException($"{source}:{headerLine}:1", $"the first column must be time_s, found '{header[0].Trim()}'");
        }

        var specs = new (string Name, string Unit, string Phase)[header.Length - 1];
        var col = header[0].Length + 2;
        for (var k = 1; k < header.Length; k++)
        {
            var m = ColumnPattern().Match(header[k].Trim());
            if (!m.Success)
            {
                throw new BenchInputException($"{source}:{headerLine}:{col}", $"column '{header[k].Trim()}' is not NAME[UNIT] or NAME[UNIT]@PHASE");
            }

            specs[k - 1] = (m.Groups["name"].Value.Trim(), m.Groups["unit"].Value.Trim(), m.Groups["phase"].Value.Trim());
            col += header[k].Length + 1;
        }

        var times = new List<double>();
        var values = specs.Select(_ => new List<double>()).ToArray();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                throw new BenchInputException($"{source}:{lineNo}:1", $"expected {header.Length} fields, found {fields.Length}");
            }

            var at = 1;
            for (var k = 0; k < fields.Length; k++)
            {
                if (!double.TryParse(fields[k], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    throw new BenchInputException($"{source}:{lineNo}:{at}", $"expected a number, found '{fields[k].Trim()}'");
                }

                if (k == 0)
                {
                    times.Add(v);
                }
                else
                {
                    values[k - 1].Add(v);
                }

                at += fields[k].Length + 1;
            }
        }

        if (times.Count < 2)
        {
            throw new BenchInputException(source, "needs at least two samples");
        }

        var dt = (times[^1] - times[0]) / (times.Count - 1);
        for (var i = 1; i < times.Count; i++)
        {
            if (!(dt > 0) || Math.Abs(times[i] - times[i - 1] - dt) > 0.01 * dt)
            {
                throw new BenchInputException($"{source}:{headerLine + i + 1}:1", "time_s is not uniformly sampled");
            }
        }

        var nominal = meta.TryGetValue("nominal_frequency_hz", out var nf) && double.TryParse(nf, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : double.NaN;
        DateTimeOffset? start = meta.TryGetValue("start_time", out var st) && DateTimeOffset.TryParse(st, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? s : null;
        var channels = specs.Select((c, k) => new WaveformChannel(c.Name, c.Phase, c.Unit, values[k].ToArray())).ToList();
        return new WaveformRecord(1 / dt, nominal, channels) { StartTime = start };
    }

    [GeneratedRegex(@"^(?<name>[^\[\]@]+)\[(?<unit>[^\]]*)\](@(?<phase>.+))?$")]
    private static partial Regex ColumnPattern();
}
