using System.Globalization;

using Bench.Core.Errors;

namespace Bench.Waveforms.Comtrade;

/// <summary>Parses .cfg text; every error names <c>source:line:column</c>.</summary>
public static class ComtradeConfigParser
{
    public static ComtradeConfig Parse(string text, string source)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var cursor = new Cursor(lines, source);

        var head = cursor.Next(2);
        var revision = head.Count > 2 && head[2].Trim().Length > 0 ? (int)cursor.Number(head, 2) : 1991;
        if (revision is not (1991 or 1999 or 2013))
        {
            throw cursor.Error(head, 2, $"unknown revision year '{head[2].Trim()}' (1991, 1999 or 2013)");
        }

        var counts = cursor.Next(3);
        var total = (int)cursor.Number(counts, 0);
        var analogCount = CountWithSuffix(cursor, counts, 1, 'A');
        var digitalCount = CountWithSuffix(cursor, counts, 2, 'D');
        if (analogCount + digitalCount != total)
        {
            throw cursor.Error(counts, 0, $"total {total} is not {analogCount} analog + {digitalCount} digital channels");
        }

        var analogs = new List<ComtradeAnalogChannel>(analogCount);
        for (var k = 0; k < analogCount; k++)
        {
            var f = cursor.Next(10);
            var ps = f.Count > 12 ? f[12].Trim() : "P";
            analogs.Add(new ComtradeAnalogChannel(
                (int)cursor.Number(f, 0), f[1].Trim(), f[2].Trim(), f[3].Trim(), f[4].Trim(),
                cursor.Number(f, 5), cursor.Number(f, 6), OptionalNumber(cursor, f, 7, 0), cursor.Number(f, 8), cursor.Number(f, 9),
                OptionalNumber(cursor, f, 10, 1), OptionalNumber(cursor, f, 11, 1), !ps.Equals("S", StringComparison.OrdinalIgnoreCase)));
        }

        var digitals = new List<ComtradeDigitalChannel>(digitalCount);
        for (var k = 0; k < digitalCount; k++)
        {
            var f = cursor.Next(2);
            digitals.Add(new ComtradeDigitalChannel(
                (int)cursor.Number(f, 0), f[1].Trim(), f.Count > 2 ? f[2].Trim() : "", f.Count > 3 ? f[3].Trim() : "",
                f.Count > 4 && f[4].Trim().Length > 0 ? (int)cursor.Number(f, 4) : 0));
        }

        var lineFrequency = cursor.Number(cursor.Next(1), 0);
        var nratesLine = cursor.Next(1);
        var nrates = (int)cursor.Number(nratesLine, 0);
        var rates = new List<(double, long)>();
        for (var k = 0; k < Math.Max(1, nrates); k++)
        {
            var f = cursor.Next(2);
            rates.Add((cursor.Number(f, 0), (long)cursor.Number(f, 1)));
        }

        var firstLine = cursor.Next(2);
        var (first, nanos) = cursor.Time(firstLine, revision);
        var (trigger, _) = cursor.Time(cursor.Next(2), revision);
        var typeLine = cursor.Next(1);
        var fileType = typeLine[0].Trim().ToUpperInvariant() switch
        {
            "ASCII" => ComtradeFileType.Ascii,
            "BINARY" => ComtradeFileType.Binary,
            "BINARY32" => ComtradeFileType.Binary32,
            "FLOAT32" => ComtradeFileType.Float32,
            var other => throw cursor.Error(typeLine, 0, $"unknown data file type '{other}' (ASCII, BINARY, BINARY32, FLOAT32)"),
        };
        var timeMultiplier = 1.0;
        if (cursor.TryNext(out var multLine) && multLine[0].Trim().Length > 0)
        {
            timeMultiplier = cursor.Number(multLine, 0);
        }

        var config = new ComtradeConfig(head[0].Trim(), head.Count > 1 ? head[1].Trim() : "", revision, analogs, digitals, lineFrequency,
            rates, first, trigger, fileType, timeMultiplier)
        { NanosecondTimeBase = nanos };
        if (revision >= 2013 && cursor.TryNext(out var codes))
        {
            config = config with { TimeCode = codes[0].Trim(), LocalCode = codes.Count > 1 ? codes[1].Trim() : "" };
            if (cursor.TryNext(out var quality))
            {
                config = config with
                {
                    TimeQualityCode = quality[0].Trim(),
                    LeapSecond = quality.Count > 1 && quality[1].Trim().Length > 0 ? (int)cursor.Number(quality, 1) : 0,
                };
            }
        }

        return config;
    }

    private static int CountWithSuffix(Cursor cursor, IReadOnlyList<string> f, int i, char suffix)
    {
        var t = f[i].Trim();
        if (t.Length < 2 || char.ToUpperInvariant(t[^1]) != suffix
            || !int.TryParse(t[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0)
        {
            throw cursor.Error(f, i, $"expected a channel count like '4{suffix}', found '{t}'");
        }

        return n;
    }

    private static double OptionalNumber(Cursor cursor, IReadOnlyList<string> f, int i, double fallback)
        => f.Count > i && f[i].Trim().Length > 0 ? cursor.Number(f, i) : fallback;

    /// <summary>Walks the non-empty .cfg lines, remembering where each field starts for error messages.</summary>
    private sealed class Cursor(string[] lines, string source)
    {
        private int _line = -1;
        private int[] _starts = [];

        public List<string> Next(int minimumFields)
        {
            if (!TryNext(out var fields))
            {
                throw new BenchInputException($"{source}:{lines.Length}:1", "the configuration ends too early");
            }

            if (fields.Count < minimumFields)
            {
                throw new BenchInputException($"{source}:{_line + 1}:1", $"expected at least {minimumFields} comma-separated fields, found {fields.Count}");
            }

            return fields;
        }

        public bool TryNext(out List<string> fields)
        {
            fields = [];
            while (++_line < lines.Length)
            {
                var text = lines[_line];
                if (text.Trim().Length == 0)
                {
                    continue;
                }

                var parts = text.Split(',');
                _starts = new int[parts.Length];
                var col = 1;
                for (var i = 0; i < parts.Length; i++)
                {
                    _starts[i] = col;
                    col += parts[i].Length + 1;
                }

                fields = [.. parts];
                return true;
            }

            return false;
        }

        public double Number(IReadOnlyList<string> f, int i)
        {
            var t = f[i].Trim();
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                throw Error(f, i, $"expected a number, found '{t}'");
            }

            return v;
        }

        public (DateTime Time, bool Nanoseconds) Time(IReadOnlyList<string> f, int revision)
        {
            var date = f[0].Trim();
            var time = f[1].Trim();
            string[] dateFormats = revision == 1991 ? ["MM/dd/yy", "M/d/yy", "MM/dd/yyyy"] : ["dd/MM/yyyy", "d/M/yyyy"];
            if (!DateTime.TryParseExact(date, dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw Error(f, 0, $"expected a date like {(revision == 1991 ? "mm/dd/yy" : "dd/mm/yyyy")}, found '{date}'");
            }

            var parts = time.Split(':');
            if (parts.Length != 3
                || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var h)
                || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var m)
                || !decimal.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
            {
                throw Error(f, 1, $"expected a time like hh:mm:ss.ssssss, found '{time}'");
            }

            var dot = parts[2].IndexOf('.', StringComparison.Ordinal);
            var nanos = dot >= 0 && parts[2].Length - dot - 1 > 6;
            var ticks = (long)Math.Round(s * TimeSpan.TicksPerSecond);
            return (day.AddHours(h).AddMinutes(m).AddTicks(ticks), nanos);
        }

        public BenchInputException Error(IReadOnlyList<string> f, int i, string message)
        {
            var col = i < _starts.Length ? _starts[i] : 1;
            return new BenchInputException($"{source}:{_line + 1}:{col}", message);
        }
    }
}
