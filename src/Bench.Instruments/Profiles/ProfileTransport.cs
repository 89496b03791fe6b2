namespace Bench.Instruments.Profiles;

/// <summary>How to talk to the instrument: terminators, timeouts, the customary socket port, serial settings.</summary>
public sealed record ProfileTransport
{
    public string WriteTermination { get; init; } = "\n";

    public string ReadTermination { get; init; } = "\n";

    public double TimeoutS { get; init; } = 2;

    public double OperationCompleteTimeoutS { get; init; } = 60;

    public int? SocketPort { get; init; }

    public int BaudRate { get; init; } = 9600;

    /// <summary>Serial line: data bits 5–8, parity none/odd/even/mark/space, stop bits 1/1.5/2, flow control none/xonxoff/rtscts.</summary>
    public Visa.Sessions.SerialSettings Serial { get; init; } = new();

    /// <summary>Which transports the instrument offers: SOCKET, VXI11, HISLIP, ASRL, GPIB, USB.</summary>
    public IReadOnlyList<string> Interfaces { get; init; } = ["SOCKET"];
}
