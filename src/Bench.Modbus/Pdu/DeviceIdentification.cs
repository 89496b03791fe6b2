namespace Bench.Modbus.Pdu;

/// <summary>
/// One response of function 0x2B/0x0E: the conformity level, whether more objects follow (and from which id),
/// and the objects (0x00 VendorName, 0x01 ProductCode, 0x02 MajorMinorRevision, 0x03–0x06 regular, 0x80+ private).
/// </summary>
public sealed record DeviceIdentification(
    DeviceIdCode Code,
    byte Conformity,
    bool MoreFollows,
    byte NextObjectId,
    IReadOnlyDictionary<byte, string> Objects)
{
    public const byte VendorName = 0x00;
    public const byte ProductCode = 0x01;
    public const byte MajorMinorRevision = 0x02;
    public const byte VendorUrl = 0x03;
    public const byte ProductName = 0x04;
    public const byte ModelName = 0x05;
    public const byte UserApplicationName = 0x06;
}
