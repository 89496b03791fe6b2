using System.Text;

using Bench.Core.Errors;
using Bench.Waveforms.Records;

namespace Bench.Waveforms.Comtrade;

/// <summary>
/// Reads a COMTRADE record: a .cfg with its .dat next to it, or a 2013 single .cff file. Values come out in primary
/// units by default (a·x + b, times primary/secondary when recorded on the secondary side).
/// </summary>
public static class ComtradeReader
{
    public static ComtradeRecord Read(string path, bool primaryValues = true)
    {
        if (!File.Exists(path))
        {
            throw new BenchInputException(path, "file not found");
        }

        if (path.EndsWith(".cff", StringComparison.OrdinalIgnoreCase))
        {
            return ReadCff(path, primaryValues);
        }

        var config = ComtradeConfigParser.Parse(File.ReadAllText(path, Encoding.UTF8), path);
        var datPath = FindDat(path);
        return Decode(config, File.ReadAllBytes(datPath), datPath, primaryValues);
    }

    /// <summary>Reads and converts to a <see cref="WaveformRecord"/> of the analog channels (single sampling rate only; missing samples bridged linearly).</summary>
    public static WaveformRecord ReadWaveform(string path, bool primaryValues = true) => ToWaveform(Read(path, primaryValues), path);

    public static WaveformRecord ToWaveform(ComtradeRecord record, string source)
    {
        var c = record.Config;
        var rate = SampleRate(record, source);
        var channels = new List<WaveformChannel>(c.Analogs.Count);
        for (var k = 0; k < c.Analogs.Count; k++)
        {
            var a = c.Analogs[k];
            var samples = (double[])record.Analogs[k].Clone();
            BridgeMissing(samples);
            channels.Add(new WaveformChannel(a.Id, a.Phase, a.Unit, samples));
        }

        return new WaveformRecord(rate, c.LineFrequencyHz, channels) { StartTime = new DateTimeOffset(DateTime.SpecifyKind(c.FirstSampleTime, DateTimeKind.Utc)) };
    }

    public static ComtradeRecord Decode(ComtradeConfig config, ReadOnlySpan<byte> data, string source, bool primaryValues)
    {
        var (raw, digitals, stamps) = ComtradeDataReader.Read(config, data, source);
        var values = new double[raw.Length][];
        for (var k = 0; k < raw.Length; k++)
        {
            var a = config.Analogs[k];
            var scale = primaryValues ? a.ToPrimary : 1;
            values[k] = new double[raw[k].Length];
            for (var n = 0; n < raw[k].Length; n++)
            {
                values[k][n] = ((a.A * raw[k][n]) + a.B) * scale;
            }
        }

        return new ComtradeRecord(config, values, digitals, Times(config, stamps));
    }

    private static double[] Times(ComtradeConfig c, double[] stamps)
    {
        var times = new double[stamps.Length];
        var useRates = c.SampleRates.Count > 0 && c.SampleRates[0].RateHz > 0;
        if (useRates)
        {
            double t = 0;
            long n = 0;
            foreach (var (rate, end) in c.SampleRates)
            {
                for (; n < end && n < times.Length; n++)
                {
                    times[n] = t;
                    t += 1 / rate;
                }
            }

            return times;
        }

        var unit = (c.NanosecondTimeBase ? 1e-9 : 1e-6) * c.TimeMultiplier;
        var origin = stamps.Length > 0 ? stamps[0] : 0;
        for (var n = 0; n < stamps.Length; n++)
        {
            times[n] = (stamps[n] - origin) * unit;
        }

        return times;
    }

    private static double SampleRate(ComtradeRecord record, string source)
    {
        var c = record.Config;
        var rates = c.SampleRates.Where(r => r.RateHz > 0).Select(r => r.RateHz).Distinct().ToList();
        if (rates.Count > 1)
        {
            throw new BenchInputException(source, $"{rates.Count} sampling rates in one record; analysis needs a single rate");
        }

        if (rates.Count == 1)
        {
            return rates[0];
        }

        if (record.TimesS.Length < 2 || !(record.TimesS[^1] > 0))
        {
            throw new BenchInputException(source, "no sampling rate and no usable time stamps");
        }

        return (record.TimesS.Length - 1) / record.TimesS[^1];
    }

    private static void BridgeMissing(double[] x)
    {
        var last = -1;
        for (var n = 0; n < x.Length; n++)
        {
            if (double.IsNaN(x[n]))
            {
                continue;
            }

            if (last >= 0 && n - last > 1)
            {
                for (var j = last + 1; j < n; j++)
                {
                    x[j] = x[last] + ((x[n] - x[last]) * (j - last) / (n - last));
                }
            }
            else if (last < 0 && n > 0)
            {
                Array.Fill(x, x[n], 0, n);
            }

            last = n;
        }

        if (last >= 0 && last < x.Length - 1)
        {
            Array.Fill(x, x[last], last + 1, x.Length - last - 1);
        }
        else if (last < 0)
        {
            Array.Clear(x);
        }
    }

    private static string FindDat(string cfgPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(cfgPath)) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(cfgPath);
        foreach (var ext in new[] { ".dat", ".DAT", ".Dat" })
        {
            var candidate = Path.Combine(dir, stem + ext);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new BenchInputException(cfgPath, $"no data file {stem}.dat next to the configuration");
    }

    private static ComtradeRecord ReadCff(string path, bool primaryValues)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.Latin1.GetString(bytes);
        const string marker = "--- file type:";
        var cfgStart = text.IndexOf(marker + " CFG", StringComparison.OrdinalIgnoreCase);
        var datHeader = text.IndexOf(marker + " DAT", StringComparison.OrdinalIgnoreCase);
        if (cfgStart < 0 || datHeader < 0)
        {
            throw new BenchInputException(path, "a .cff needs a CFG and a DAT section");
        }

        var cfgBody = text.IndexOf('\n', cfgStart) + 1;
        var cfgEnd = text.IndexOf(marker, cfgBody, StringComparison.OrdinalIgnoreCase);
        var config = ComtradeConfigParser.Parse(text[cfgBody..cfgEnd], path);

        // "--- file type: DAT BINARY: 4214 ---": the byte count follows the last colon.
        var headerEnd = text.IndexOf('\n', datHeader);
        var header = text[datHeader..headerEnd].Trim().TrimEnd('-').Trim();
        var colon = header.LastIndexOf(':');
        var dataStart = headerEnd + 1;
        var length = bytes.Length - dataStart;
        if (colon > 0 && int.TryParse(header[(colon + 1)..].Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var declared))
        {
            length = Math.Min(declared, length);
        }

        return Decode(config, bytes.AsSpan(dataStart, length), path, primaryValues);
    }
}
