namespace Bench.Visa.Resources;

/// <summary>Which wire protocol a resource name asks for (TCPIP INSTR splits into VXI-11 and HiSLIP by device name).</summary>
public enum VisaTransportKind
{
    TcpipSocket,
    Vxi11,
    HiSlip,
    Serial,

    /// <summary>GPIB and USB-TMC: Bench has no native transport; only a vendor VISA library opens them.</summary>
    VendorOnly,
}
