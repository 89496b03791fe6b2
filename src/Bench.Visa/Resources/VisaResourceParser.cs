using System.Globalization;

using Bench.Core.Errors;

namespace Bench.Visa.Resources;

/// <summary>
/// Parses resource names as PyVISA does (shared/protocols/visa.md §1): keyword case-insensitive, board glued to it,
/// parts split on "::", an optional trailing class. Every failure is a <see cref="BenchInputException"/> naming the resource.
/// </summary>
public static class VisaResourceParser
{
    public static VisaResourceName Parse(string resource)
    {
        if (string.IsNullOrWhiteSpace(resource))
        {
            throw new BenchInputException("(empty resource)", "a VISA resource name is required, e.g. TCPIP::192.168.0.5::5025::SOCKET");
        }

        var text = resource.Trim();
        var first = text.IndexOf("::", StringComparison.Ordinal);
        var head = first < 0 ? text : text[..first];
        var parts = first < 0 ? [] : text[(first + 2)..].Split("::");
        if (parts.Any(p => p.Length == 0))
        {
            throw Fail(resource, "empty field between '::' separators");
        }

        foreach (var (keyword, iface) in Keywords)
        {
            if (head.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
            {
                var boardText = head[keyword.Length..];
                return iface switch
                {
                    VisaInterface.Tcpip => ParseTcpip(resource, Board(resource, boardText), parts),
                    VisaInterface.Asrl => ParseSerial(resource, boardText, parts),
                    VisaInterface.Gpib => ParseGpib(resource, Board(resource, boardText), parts),
                    _ => ParseUsb(resource, Board(resource, boardText), parts),
                };
            }
        }

        throw Fail(resource, $"unknown interface '{head}'; expected TCPIP, ASRL, GPIB or USB");
    }

    public static bool TryParse(string resource, out VisaResourceName? name)
    {
        try
        {
            name = Parse(resource);
            return true;
        }
        catch (BenchInputException)
        {
            name = null;
            return false;
        }
    }

    private static readonly (string Keyword, VisaInterface Interface)[] Keywords =
    [
        ("TCPIP", VisaInterface.Tcpip), ("ASRL", VisaInterface.Asrl), ("GPIB", VisaInterface.Gpib), ("USB", VisaInterface.Usb),
    ];

    private static VisaResourceName ParseTcpip(string resource, int board, string[] parts)
    {
        var cls = "INSTR";
        if (parts.Length > 0 && parts[^1].Equals("SOCKET", StringComparison.OrdinalIgnoreCase))
        {
            if (parts.Length != 3)
            {
                throw Fail(resource, "a socket resource is TCPIP[board]::host::port::SOCKET");
            }

            return new VisaResourceName
            {
                Original = resource,
                Interface = VisaInterface.Tcpip,
                Kind = VisaTransportKind.TcpipSocket,
                Board = board,
                ResourceClass = "SOCKET",
                Host = Host(resource, parts[0]),
                Port = PortNumber(resource, parts[1]),
            };
        }

        if (parts.Length > 0 && parts[^1].Equals("INSTR", StringComparison.OrdinalIgnoreCase))
        {
            parts = parts[..^1];
        }

        if (parts.Length is < 1 or > 2)
        {
            throw Fail(resource, "a TCPIP instrument is TCPIP[board]::host[::device][::INSTR] (a socket needs ::port::SOCKET)");
        }

        var device = parts.Length == 2 ? parts[1] : "inst0";
        if (device.StartsWith("hislip", StringComparison.OrdinalIgnoreCase))
        {
            var (name, port) = SplitPort(resource, device);
            return new VisaResourceName
            {
                Original = resource,
                Interface = VisaInterface.Tcpip,
                Kind = VisaTransportKind.HiSlip,
                Board = board,
                ResourceClass = cls,
                Host = Host(resource, parts[0]),
                DeviceName = name,
                Port = port,
            };
        }

        var (host, hostPort) = SplitPort(resource, parts[0]);
        return new VisaResourceName
        {
            Original = resource,
            Interface = VisaInterface.Tcpip,
            Kind = VisaTransportKind.Vxi11,
            Board = board,
            ResourceClass = cls,
            Host = Host(resource, host),
            DeviceName = device,
            Port = hostPort,
        };
    }

    private static VisaResourceName ParseSerial(string resource, string boardText, string[] parts)
    {
        if (parts.Length > 1 || (parts.Length == 1 && !parts[0].Equals("INSTR", StringComparison.OrdinalIgnoreCase)))
        {
            throw Fail(resource, "a serial resource is ASRL<n>::INSTR or ASRL<device path>::INSTR");
        }

        if (boardText.Length == 0)
        {
            throw Fail(resource, "a serial resource needs a port number or a device path after ASRL");
        }

        if (int.TryParse(boardText, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            // ASRLn is COMn; on Linux we follow NI-VISA and map COM1 to /dev/ttyS0.
            var port = OperatingSystem.IsWindows() ? $"COM{n}" : $"/dev/ttyS{Math.Max(0, n - 1)}";
            return VisaResourceName.Serial(resource, n, port, numeric: true);
        }

        return VisaResourceName.Serial(resource, 0, boardText, numeric: false);
    }

    private static VisaResourceName ParseGpib(string resource, int board, string[] parts)
    {
        var cls = parts.Length > 0 && parts[^1].Equals("INSTR", StringComparison.OrdinalIgnoreCase) ? "INSTR" : null;
        if (parts.Length == 1 && parts[0].Equals("INTFC", StringComparison.OrdinalIgnoreCase))
        {
            return new VisaResourceName { Original = resource, Interface = VisaInterface.Gpib, Kind = VisaTransportKind.VendorOnly, Board = board, ResourceClass = "INTFC" };
        }

        var addr = cls is null ? parts : parts[..^1];
        if (addr.Length is < 1 or > 2)
        {
            throw Fail(resource, "a GPIB instrument is GPIB[board]::primary[::secondary][::INSTR]");
        }

        return new VisaResourceName
        {
            Original = resource,
            Interface = VisaInterface.Gpib,
            Kind = VisaTransportKind.VendorOnly,
            Board = board,
            ResourceClass = "INSTR",
            GpibPrimary = Number(resource, addr[0], "GPIB primary address", 0, 30),
            GpibSecondary = addr.Length == 2 ? Number(resource, addr[1], "GPIB secondary address", 0, 126) : null,
        };
    }

    private static VisaResourceName ParseUsb(string resource, int board, string[] parts)
    {
        var cls = "INSTR";
        if (parts.Length > 0 && (parts[^1].Equals("INSTR", StringComparison.OrdinalIgnoreCase) || parts[^1].Equals("RAW", StringComparison.OrdinalIgnoreCase)))
        {
            cls = parts[^1].ToUpperInvariant();
            parts = parts[..^1];
        }

        if (parts.Length is < 3 or > 4)
        {
            throw Fail(resource, "a USB instrument is USB[board]::vendor::product::serial[::interface][::INSTR]");
        }

        return new VisaResourceName
        {
            Original = resource,
            Interface = VisaInterface.Usb,
            Kind = VisaTransportKind.VendorOnly,
            Board = board,
            ResourceClass = cls,
            UsbVendorId = parts[0],
            UsbProductId = parts[1],
            UsbSerial = parts[2],
            UsbInterface = parts.Length == 4 ? Number(resource, parts[3], "USB interface number", 0, 255) : 0,
        };
    }

    private static int Board(string resource, string text) =>
        text.Length == 0 ? 0 : Number(resource, text, "board number", 0, 999);

    private static string Host(string resource, string host)
    {
        if (host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || c == '/'))
        {
            throw Fail(resource, $"'{host}' is not a host name or address");
        }

        return host;
    }

    private static (string Name, int? Port) SplitPort(string resource, string text)
    {
        var comma = text.IndexOf(',');
        if (comma < 0 || text.StartsWith("gpib", StringComparison.OrdinalIgnoreCase))
        {
            return (text, null);
        }

        return (text[..comma], PortNumber(resource, text[(comma + 1)..]));
    }

    private static int PortNumber(string resource, string text) => Number(resource, text, "port", 1, 65535);

    private static int Number(string resource, string text, string what, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw Fail(resource, $"{what} '{text}' is not a number from {min} to {max}");
        }

        return n;
    }

    private static BenchInputException Fail(string resource, string reason) =>
        new(resource, "invalid VISA resource name: " + reason);
}
