using System.Buffers.Binary;
using System.Buffers.Text;

using Bench.Core.Errors;

namespace Bench.Waveforms.Comtrade;

/// <summary>Decodes a .dat (ASCII, BINARY, BINARY32, FLOAT32) into raw analog values, digital states and time stamps.</summary>
public static class ComtradeDataReader
{
    /// <summary>Raw values (before a·x + b) with NaN for missing samples; time stamps in the .dat's units (µs or ns, before timemult; NaN when absent).</summary>
    public static (double[][] Raw, byte[][] Digitals, double[] Stamps) Read(ComtradeConfig config, ReadOnlySpan<byte> data, string source)
        => config.FileType == ComtradeFileType.Ascii ? ReadAscii(config, data, source) : ReadBinary(config, data, source);

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

    private static (double[][], byte[][], double[]) ReadAscii(ComtradeConfig c, ReadOnlySpan<byte> data, string source)
    {
        // Find the sample lines (non-empty, not the DOS end-of-file mark), then parse the fields straight from the bytes.
        var lines = SampleLines(data);
        if (c.TotalSamples > 0 && lines.Count < c.TotalSamples)
        {
            throw new BenchInputException($"{source}:{lines.Count + 1}:1", $"holds {lines.Count} samples, the configuration announces {c.TotalSamples}");
        }

        var count = c.TotalSamples > 0 ? (int)c.TotalSamples : lines.Count;
        var (raw, digital, stamps) = Allocate(c, count);
        var fieldsWanted = 2 + raw.Length + digital.Length;
        for (var n = 0; n < count; n++)
        {
            var (range, lineNo) = lines[n];
            var line = data[range];
            var field = 0;
            var at = 0;
            while (field < fieldsWanted)
            {
                var comma = line[at..].IndexOf((byte)',');
                var end = comma < 0 ? line.Length : at + comma;
                if (field >= 1)
                {
                    var v = Number(line[at..end], source, lineNo, at + 1);
                    if (field == 1)
                    {
                        stamps[n] = v;
                    }
                    else if (field < 2 + raw.Length)
                    {
                        raw[field - 2][n] = v == 99999 && c.RevisionYear >= 1999 ? double.NaN : v;
                    }
                    else
                    {
                        digital[field - 2 - raw.Length][n] = (byte)(v == 0 || double.IsNaN(v) ? 0 : 1);
                    }
                }

                field++;
                if (comma < 0)
                {
                    break;
                }

                at = end + 1;
            }

            if (field < fieldsWanted)
            {
                throw new BenchInputException($"{source}:{lineNo}:1", $"expected {fieldsWanted} fields, found {field}");
            }
        }

        return (raw, digital, stamps);
    }

    /// <summary>Byte ranges (without CR/LF) and 1-based line numbers of the lines that hold samples.</summary>
    private static List<(Range Range, int Line)> SampleLines(ReadOnlySpan<byte> data)
    {
        var lines = new List<(Range, int)>();
        var start = 0;
        var lineNo = 0;
        while (start < data.Length)
        {
            lineNo++;
            var nl = data[start..].IndexOf((byte)'\n');
            var end = nl < 0 ? data.Length : start + nl;
            var stop = end > start && data[end - 1] == (byte)'\r' ? end - 1 : end;
            var t = data[start..stop].Trim((byte)' ');
            if (t.Length > 0 && t[0] != 0x1A)
            {
                lines.Add((new Range(start, stop), lineNo));
            }

            start = end + 1;
        }

        return lines;
    }

    /// <summary>An integer by hand (the common case), anything else through the invariant UTF-8 parser; empty → NaN.</summary>
    private static double Number(ReadOnlySpan<byte> text, string source, int line, int column)
    {
        text = text.Trim((byte)' ');
        if (text.Length == 0)
        {
            return double.NaN;
        }

        var i = text[0] is (byte)'-' or (byte)'+' ? 1 : 0;
        long value = 0;
        var digits = 0;
        for (; i < text.Length && text[i] >= (byte)'0' && text[i] <= (byte)'9' && digits < 18; i++, digits++)
        {
            value = (value * 10) + (text[i] - (byte)'0');
        }

        if (i == text.Length && digits > 0)
        {
            return text[0] == (byte)'-' ? -value : value;
        }

        if (Utf8Parser.TryParse(text, out double d, out var consumed) && consumed == text.Length)
        {
            return d;
        }

        throw new BenchInputException($"{source}:{line}:{column}", $"expected a number, found '{System.Text.Encoding.Latin1.GetString(text)}'");
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
