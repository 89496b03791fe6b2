using System.Buffers.Binary;
using System.Globalization;
using System.Text;

using Bench.Waveforms.Records;

namespace Bench.Waveforms.Comtrade;

/// <summary>
/// Writes a <see cref="WaveformRecord"/> as a .cfg + .dat pair (IEEE C37.111-1999 or -2013). Integer encodings get
/// a per-channel scale a = max|x| / full scale, b = 0, so that the samples use the whole raw range; values are
/// written as primary. One sampling rate, contiguous sample numbers, time stamps in µs. <see cref="WriteCff"/> writes
/// the 2013 single-file form.
/// </summary>
public static class ComtradeWriter
{
    public static void Write(WaveformRecord record, string cfgPath, ComtradeFileType type, int revision = 2013, string station = "BENCH", string device = "Bench.Waveforms")
    {
        if (revision is not (1999 or 2013))
        {
            throw new ArgumentOutOfRangeException(nameof(revision), revision, "write revision 1999 or 2013");
        }

        if (revision == 1999 && type is ComtradeFileType.Binary32 or ComtradeFileType.Float32)
        {
            throw new ArgumentException($"{type} needs revision 2013", nameof(type));
        }

        var (scales, full, timeMult) = Scaling(record, type);
        File.WriteAllText(cfgPath, Config(record, type, revision, station, device, scales, full, timeMult), new UTF8Encoding(false));
        var datPath = Path.ChangeExtension(cfgPath, ".dat");
        using var stream = new FileStream(datPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        WriteData(stream, record, type, scales, timeMult);
    }

    /// <summary>
    /// Writes a single-file 2013 record (.cff, IEEE C37.111-2013 §8): the CFG section, empty INF and HDR sections and
    /// the DAT section, whose header carries the byte count for binary encodings.
    /// </summary>
    public static void WriteCff(WaveformRecord record, string cffPath, ComtradeFileType type, string station = "BENCH", string device = "Bench.Waveforms")
    {
        var (scales, full, timeMult) = Scaling(record, type);
        using var data = new MemoryStream();
        WriteData(data, record, type, scales, timeMult);
        using var stream = new FileStream(cffPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var encoding = new UTF8Encoding(false);
        var datHeader = type == ComtradeFileType.Ascii
            ? "--- file type: DAT ASCII ---\r\n"
            : string.Create(CultureInfo.InvariantCulture, $"--- file type: DAT {type.ToString().ToUpperInvariant()}: {data.Length} ---\r\n");
        var text = "--- file type: CFG ---\r\n" + Config(record, type, 2013, station, device, scales, full, timeMult)
            + "--- file type: INF ---\r\n--- file type: HDR ---\r\n" + datHeader;
        stream.Write(encoding.GetBytes(text));
        data.Position = 0;
        data.CopyTo(stream);
    }

    private static (double[] Scales, double Full, double TimeMult) Scaling(WaveformRecord record, ComtradeFileType type)
    {
        var durationUs = record.SampleCount / record.SampleRateHz * 1e6;
        var timeMult = Math.Max(1, Math.Ceiling(durationUs / 4e9));
        var full = type switch
        {
            ComtradeFileType.Ascii => 99998.0,
            ComtradeFileType.Binary => 32767.0,
            ComtradeFileType.Binary32 => 2147483647.0,
            _ => 0,
        };
        var scales = record.Channels.Select(c =>
        {
            if (full == 0)
            {
                return 1.0;
            }

            var max = c.Samples.Length == 0 ? 0 : c.Samples.Max(Math.Abs);
            return max > 0 ? max / full : 1.0;
        }).ToArray();
        return (scales, full, timeMult);
    }

    private static void WriteData(Stream stream, WaveformRecord record, ComtradeFileType type, double[] scales, double timeMult)
    {
        var n = record.SampleCount;
        if (type == ComtradeFileType.Ascii)
        {
            using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            var line = new StringBuilder();
            for (var i = 0; i < n; i++)
            {
                line.Clear();
                line.Append(CultureInfo.InvariantCulture, $"{i + 1},{Stamp(i, record.SampleRateHz, timeMult)}");
                for (var k = 0; k < record.Channels.Count; k++)
                {
                    line.Append(',').Append(((long)Math.Round(record.Channels[k].Samples[i] / scales[k])).ToString(CultureInfo.InvariantCulture));
                }

                w.Write(line.Append("\r\n"));
            }

            return;
        }

        var width = type == ComtradeFileType.Binary ? 2 : 4;
        var buffer = new byte[8 + (width * record.Channels.Count)];
        for (var i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)(i + 1));
            BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(4), (uint)Stamp(i, record.SampleRateHz, timeMult));
            for (var k = 0; k < record.Channels.Count; k++)
            {
                var x = record.Channels[k].Samples[i];
                var at = buffer.AsSpan(8 + (k * width));
                switch (type)
                {
                    case ComtradeFileType.Binary:
                        BinaryPrimitives.WriteInt16LittleEndian(at, (short)Math.Clamp(Math.Round(x / scales[k]), -32767, 32767));
                        break;
                    case ComtradeFileType.Binary32:
                        BinaryPrimitives.WriteInt32LittleEndian(at, (int)Math.Clamp(Math.Round(x / scales[k]), -2147483647, 2147483647));
                        break;
                    default:
                        BinaryPrimitives.WriteSingleLittleEndian(at, (float)x);
                        break;
                }
            }

            stream.Write(buffer);
        }
    }

    private static long Stamp(int i, double rate, double timeMult) => (long)Math.Round(i / rate * 1e6 / timeMult);

    private static string Config(WaveformRecord record, ComtradeFileType type, int revision, string station, string device, double[] scales, double full, double timeMult)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        void Line(string s) => sb.Append(s).Append("\r\n");
        Line($"{station},{device},{revision}");
        Line($"{record.Channels.Count},{record.Channels.Count}A,0D");
        for (var k = 0; k < record.Channels.Count; k++)
        {
            var c = record.Channels[k];
            var (min, max) = full > 0 ? (-full, full) : (-3.4028235E+38, 3.4028235E+38);
            Line(string.Create(inv, $"{k + 1},{c.Name},{c.Phase},,{c.Unit},{scales[k]:R},0,0,{min:R},{max:R},1,1,P"));
        }

        Line(string.Create(inv, $"{record.NominalFrequencyHz:R}"));
        Line("1");
        Line(string.Create(inv, $"{record.SampleRateHz:R},{record.SampleCount}"));
        var start = (record.StartTime ?? DateTimeOffset.UnixEpoch).UtcDateTime;
        var stamp = start.ToString("dd'/'MM'/'yyyy,HH':'mm':'ss.ffffff", inv);
        Line(stamp);
        Line(stamp);
        Line(type.ToString().ToUpperInvariant());
        Line(timeMult.ToString(inv));
        if (revision == 2013)
        {
            Line("0,0");
            Line("0,0");
        }

        return sb.ToString();
    }
}
