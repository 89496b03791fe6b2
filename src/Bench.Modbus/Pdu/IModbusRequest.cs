using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>A request PDU: one small type per function code, encoded without the address/MBAP and CRC.</summary>
public interface IModbusRequest
{
    FunctionCode Function { get; }

    /// <summary>Length of the encoded request PDU in bytes.</summary>
    int EncodedLength { get; }

    /// <summary>Writes the PDU (function code first) and returns its length.</summary>
    int Encode(Span<byte> pdu);
}
