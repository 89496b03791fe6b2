using System.Buffers.Binary;

namespace Bench.Modbus.Framing;

/// <summary>
/// The 7-byte Modbus TCP header: transaction id, protocol id (0), length (unit id + PDU), unit id; all big-endian.
/// </summary>
public readonly record struct MbapHeader(ushort TransactionId, ushort ProtocolId, ushort Length, byte UnitId)
{
    public const int Size = 7;

    /// <summary>Largest TCP ADU: 7-byte header + 253-byte PDU.</summary>
    public const int MaxAduLength = Size + Protocol.ModbusLimits.MaxPduLength;

    public int PduLength => Length - 1;

    public static MbapHeader For(ushort transactionId, byte unitId, int pduLength) => new(transactionId, 0, (ushort)(pduLength + 1), unitId);

    public static MbapHeader Read(ReadOnlySpan<byte> adu) => new(
        BinaryPrimitives.ReadUInt16BigEndian(adu),
        BinaryPrimitives.ReadUInt16BigEndian(adu[2..]),
        BinaryPrimitives.ReadUInt16BigEndian(adu[4..]),
        adu[6]);

    public void Write(Span<byte> adu)
    {
        BinaryPrimitives.WriteUInt16BigEndian(adu, TransactionId);
        BinaryPrimitives.WriteUInt16BigEndian(adu[2..], ProtocolId);
        BinaryPrimitives.WriteUInt16BigEndian(adu[4..], Length);
        adu[6] = UnitId;
    }

    /// <summary>A header a peer may send: protocol 0 and a PDU of 1–253 bytes.</summary>
    public bool IsPlausible => ProtocolId == 0 && Length >= 2 && Length <= Protocol.ModbusLimits.MaxPduLength + 1;
}
