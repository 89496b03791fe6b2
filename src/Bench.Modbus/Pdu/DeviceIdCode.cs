namespace Bench.Modbus.Pdu;

/// <summary>Read Device ID code of function 0x2B/0x0E: which stream of identification objects to read.</summary>
public enum DeviceIdCode : byte
{
    Basic = 0x01,
    Regular = 0x02,
    Extended = 0x03,
    Specific = 0x04,
}
