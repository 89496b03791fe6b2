using System.Buffers.Binary;
using System.Globalization;

using Bench.Core.Errors;

namespace Bench.Waveforms.Comtrade;

/// <summary>Decodes a .dat (ASCII, BINARY, BINARY32, FLOAT32) into raw analog values, digital states and time stamps.</summary>
public static class ComtradeDataReader
{
    /// <summary>Raw values (before a·x + b) with NaN for missing samples; time stamps in the .dat's units (µs or ns, before timemult; NaN when absent).</summary>
    public static (double[][] Raw, byte[][] Digitals, double[] Stamps) Read(ComtradeConfig config, ReadOnlySpan<byte> data, string source)
        => config.FileType == ComtradeFileType.Ascii ? ReadAscii(config, System.Text.Encoding.Latin1.GetString(data), source) : ReadBinary(config, data, source);

    private static (double[][], byte[][], double[]) ReadBinary(ComtradeConfig c, ReadOnlySpan<byte> data, string source)
    {
        var size = c.BinaryRecordSize;
        var count = data.Length / size;
        if (c.TotalSamples > 0 && count < c.TotalSamples)
        {
            throw new BenchInputException(source, $"holds {count} records of {size} bytes, the configuration announces {c.TotalSamples}");
        }

        if (c.TotalSamples > 0)
        {
            count = (int)c.TotalSamples;
        }

        var (raw, digital, stamps) = Allocate(c, count);
        var missingTime = uint.MaxValue;
        for (var n = 0; n < count; n++)
        {
            var r = data.Slice(n * size, size);
            var t = BinaryPrimitives.ReadUInt32LittleEndian(r[4..]);
            stamps[n] = t == missingTime ? double.NaN : t;
            var at = 8;
            for (var k = 0; k < raw.Length; k++)
            {
                raw[k][n] = c.FileType switch
                {
                    ComtradeFileType.Binary => Int16(BinaryPrimitives.ReadInt16LittleEndian(r[at..]), c.RevisionYear),
                    ComtradeFileType.Binary32 => Int32(BinaryPrimitives.ReadInt32LittleEndian(r[at..])),
                    _ => BinaryPrimitives.ReadSingleLittleEndian(r[at..]),
                };
                at += c.FileType == ComtradeFileType.Binary ? 2 : 4;
            }

            for (var d = 0; d < digital.Length; d++)
            {
                var word = BinaryPrimitives.ReadUInt16LittleEndian(r[(at + (2 * (d / 16)))..]);
                digital[d][n] = (byte)((word >> (d % 16)) & 1);
            }
        }

        return (raw, digital, stamps);
    }

    private static double Int16(short v, int revision) => v == short.MinValue && revision >= 1999 ? double.NaN : v;

    private static double Int32(int v) => v == int.MinValue ? double.NaN : v;

    private static (double[][], byte[][], double[]) ReadAscii(ComtradeConfig c, string text, string source)
    {
        var lines = text.Split('\n');
        var rows = new List<string>(lines.Length);
        var lineNumbers = new List<int>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i].TrimEnd('\r');
            if (l.Trim().Length > 0 && l[0] != '\x1A')
            {
                rows.Add(l);
                lineNumbers.Add(i + 1);
            }
        }

        var count = c.TotalSamples > 0 ? (int)Math.Min(c.TotalSamples, rows.Count) : rows.Count;
        if (c.TotalSamples > 0 && rows.Count < c.TotalSamples)
        {
            throw new BenchInputException($"{source}:{rows.Count + 1}:1", $"holds {rows.Count} samples, the configuration announces {c.TotalSamples}");
        }

        var (raw, digital, stamps) = Allocate(c, count);
        for (var n = 0; n < count; n++)
        {
            var fields = rows[n].Split(',');
            if (fields.Length < 2 + raw.Length + digital.Length)
            {
                throw new BenchInputException($"{source}:{lineNumbers[n]}:1", $"expected {2 + raw.Length + digital.Length} fields, found {fields.Length}");
            }

            stamps[n] = Field(fields, 1, source, lineNumbers[n], allowEmpty: true);
            for (var k = 0; k < raw.Length; k++)
            {
                var v = Field(fields, 2 + k, source, lineNumbers[n], allowEmpty: true);
                raw[k][n] = v == 99999 && c.RevisionYear >= 1999 ? double.NaN : v;
            }

            for (var d = 0; d < digital.Length; d++)
            {
                var v = Field(fields, 2 + raw.Length + d, source, lineNumbers[n], allowEmpty: true);
                digital[d][n] = (byte)(v == 0 || double.IsNaN(v) ? 0 : 1);
            }
        }

        return (raw, digital, stamps);
    }

    private static double Field(string[] fields, int i, string source, int line, bool allowEmpty)
    {
        var t = fields[i].Trim();
        if (t.Length == 0 && allowEmpty)
        {
            return double.NaN;
        }

        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            var col = 1 + fields.Take(i).Sum(f => f.Length + 1);
            throw new BenchInputException($"{source}:{line}:{col}", $"expected a number, found '{t}'");
        }

        return v;
    }

    private static (double[][], byte[][], double[]) Allocate(ComtradeConfig c, int count)
    {
        var raw = new double[c.Analogs.Count][];
        for (var k = 0; k < raw.Length; k++)
        {
            raw[k] = new double[count];
        }

        var digital = new byte[c.Digitals.Count][];
        for (var d = 0; d < digital.Length; d++)
        {
            digital[d] = new byte[count];
        }

        return (raw, digital, new double[count]);
    }
}
