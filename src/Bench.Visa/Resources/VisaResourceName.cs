using System.Globalization;

namespace Bench.Visa.Resources;

/// <summary>
/// A parsed VISA resource name (shared/protocols/visa.md §1). Only the fields of its interface are set;
/// <see cref="Canonical"/> re-emits it with upper-case keyword, explicit board and class.
/// </summary>
public sealed record VisaResourceName
{
    public const int HiSlipDefaultPort = 4880;

    public required string Original { get; init; }

    public required VisaInterface Interface { get; init; }

    public required VisaTransportKind Kind { get; init; }

    public int Board { get; init; }

    /// <summary>INSTR, SOCKET, INTFC, RAW…</summary>
    public required string ResourceClass { get; init; }

    /// <summary>TCPIP: host name or address.</summary>
    public string? Host { get; init; }

    /// <summary>TCPIP SOCKET port, or an explicit VXI-11/HiSLIP port given with a ",port" suffix.</summary>
    public int? Port { get; init; }

    /// <summary>TCPIP INSTR: LAN device name (inst0, hislip0, gpib0,5).</summary>
    public string? DeviceName { get; init; }

    /// <summary>ASRL: the operating-system port (/dev/ttyUSB0, COM3).</summary>
    public string? SerialPort { get; init; }

    public int? GpibPrimary { get; init; }

    public int? GpibSecondary { get; init; }

    public string? UsbVendorId { get; init; }

    public string? UsbProductId { get; init; }

    public string? UsbSerial { get; init; }

    public int? UsbInterface { get; init; }

    public string Canonical => Kind switch
    {
        VisaTransportKind.TcpipSocket => $"TCPIP{Board}::{Host}::{Port}::SOCKET",
        VisaTransportKind.Vxi11 => $"TCPIP{Board}::{Host}{PortSuffix}::{DeviceName}::INSTR",
        VisaTransportKind.HiSlip => $"TCPIP{Board}::{Host}::{DeviceName}{PortSuffix}::INSTR",
        VisaTransportKind.Serial => SerialPort is { } p && !IsNumericBoardPort ? $"ASRL{p}::INSTR" : $"ASRL{Board}::INSTR",
        _ => Interface switch
        {
            VisaInterface.Gpib => GpibSecondary is { } s ? $"GPIB{Board}::{GpibPrimary}::{s}::{ResourceClass}" : $"GPIB{Board}::{GpibPrimary}::{ResourceClass}",
            VisaInterface.Usb => $"USB{Board}::{UsbVendorId}::{UsbProductId}::{UsbSerial}::{UsbInterface?.ToString(CultureInfo.InvariantCulture) ?? "0"}::{ResourceClass}",
            _ => Original,
        },
    };

    private string PortSuffix => Port is { } p ? "," + p.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private bool IsNumericBoardPort { get; init; }

    public static VisaResourceName Parse(string resource) => VisaResourceParser.Parse(resource);

    public override string ToString() => Canonical;

    internal static VisaResourceName Serial(string original, int board, string port, bool numeric) => new()
    {
        Original = original,
        Interface = VisaInterface.Asrl,
        Kind = VisaTransportKind.Serial,
        Board = board,
        ResourceClass = "INSTR",
        SerialPort = port,
        IsNumericBoardPort = numeric,
    };
}
