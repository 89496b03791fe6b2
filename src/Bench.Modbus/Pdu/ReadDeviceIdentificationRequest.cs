using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>Function 0x2B, MEI type 0x0E: <c>2B 0E readDevIdCode objectId</c>.</summary>
public sealed record ReadDeviceIdentificationRequest(DeviceIdCode Code, byte ObjectId) : IModbusRequest
{
    public FunctionCode Function => FunctionCode.EncapsulatedInterface;

    public int EncodedLength => 4;

    public int Encode(Span<byte> pdu)
    {
        pdu[0] = (byte)Function;
        pdu[1] = ModbusLimits.ReadDeviceIdentificationMei;
        pdu[2] = (byte)Code;
        pdu[3] = ObjectId;
        return 4;
    }
}
