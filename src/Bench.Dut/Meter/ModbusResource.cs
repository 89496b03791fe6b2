using System.Globalization;

using Bench.Core.Errors;

namespace Bench.Dut.Meter;

/// <summary>
/// Where a Modbus meter is reached: <c>modbus-tcp://HOST:PORT?unit=N</c> (port 502 when omitted) or
/// <c>modbus-rtu:///dev/ttyUSB0?baud=19200&amp;parity=E&amp;stop=1&amp;unit=N</c> (19200 8E1 by default, as Schneider meters ship).
/// </summary>
public sealed record ModbusResource(string Text, bool IsTcp, string Host, int Port, string SerialPort, int BaudRate, char Parity, int StopBits, byte? UnitId)
{
    public static ModbusResource Parse(string resource)
    {
        if (!Uri.TryCreate(resource, UriKind.Absolute, out var uri) || uri.Scheme is not ("modbus-tcp" or "modbus-rtu"))
        {
            throw new BenchInputException(resource, "expected modbus-tcp://HOST:PORT?unit=N or modbus-rtu:///DEVICE?baud=19200&parity=E&unit=N");
        }

        var query = ParseQuery(resource, uri.Query);
        byte? unit = query.TryGetValue("unit", out var u) ? (byte)Integer(resource, "unit", u, 0, 255) : null;
        var known = new HashSet<string>(StringComparer.Ordinal) { "unit", "baud", "parity", "stop" };
        foreach (var key in query.Keys.Where(k => !known.Contains(k)))
        {
            throw new BenchInputException(resource, $"unknown option '{key}'");
        }

        if (uri.Scheme == "modbus-tcp")
        {
            if (string.IsNullOrEmpty(uri.Host) || (uri.AbsolutePath is not ("" or "/")))
            {
                throw new BenchInputException(resource, "expected modbus-tcp://HOST:PORT?unit=N");
            }

            return new ModbusResource(resource, true, uri.Host, uri.IsDefaultPort ? 502 : uri.Port, string.Empty, 0, 'N', 1, unit);
        }

        var device = Uri.UnescapeDataString(uri.AbsolutePath);
        if (!string.IsNullOrEmpty(uri.Host) || device.Length < 2)
        {
            throw new BenchInputException(resource, "expected modbus-rtu:///dev/DEVICE?baud=19200&parity=E&unit=N (three slashes)");
        }

        var baud = query.TryGetValue("baud", out var b) ? Integer(resource, "baud", b, 300, 4_000_000) : 19200;
        var parity = query.TryGetValue("parity", out var p) ? p.ToUpperInvariant() : "E";
        if (parity is not ("N" or "E" or "O"))
        {
            throw new BenchInputException(resource, "parity must be N, E or O");
        }

        var stop = query.TryGetValue("stop", out var s) ? Integer(resource, "stop", s, 1, 2) : 1;
        return new ModbusResource(resource, false, string.Empty, 0, device, baud, parity[0], stop, unit);
    }

    private static Dictionary<string, string> ParseQuery(string resource, string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new BenchInputException(resource, $"option '{part}' is not KEY=VALUE");
            }

            result[part[..eq]] = Uri.UnescapeDataString(part[(eq + 1)..]);
        }

        return result;
    }

    private static int Integer(string resource, string key, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new BenchInputException(resource, string.Create(CultureInfo.InvariantCulture, $"{key} must be a whole number in {min}…{max}, not '{text}'"));
        }

        return value;
    }
}
