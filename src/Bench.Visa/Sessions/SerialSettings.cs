using System.IO.Ports;

namespace Bench.Visa.Sessions;

/// <summary>ASRL attributes: baud, data bits, parity, stop bits, flow control (VI_ATTR_ASRL_*; defaults as VISA's).</summary>
public sealed record SerialSettings
{
    public int BaudRate { get; init; } = 9600;

    public int DataBits { get; init; } = 8;

    public Parity Parity { get; init; } = Parity.None;

    public StopBits StopBits { get; init; } = StopBits.One;

    public Handshake FlowControl { get; init; } = Handshake.None;
}
