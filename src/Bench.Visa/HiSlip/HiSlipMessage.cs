using System.Buffers.Binary;

namespace Bench.Visa.HiSlip;

/// <summary>
/// One HiSLIP message: a 16-byte big-endian header ("HS", type, control code, 32-bit parameter, 64-bit payload length)
/// and its payload.
/// </summary>
public sealed record HiSlipMessage(HiSlipMessageType Type, byte ControlCode, uint Parameter, ReadOnlyMemory<byte> Payload)
{
    public const int HeaderBytes = 16;

    /// <summary>Initial client MessageID; it grows by 2 with every Data, DataEnd or Trigger sent.</summary>
    public const uint FirstMessageId = 0xFFFF_FF00;

    public byte[] Encode()
    {
        var bytes = new byte[HeaderBytes + Payload.Length];
        WriteHeader(bytes, Type, ControlCode, Parameter, (ulong)Payload.Length);
        Payload.Span.CopyTo(bytes.AsSpan(HeaderBytes));
        return bytes;
    }

    public static void WriteHeader(Span<byte> header, HiSlipMessageType type, byte controlCode, uint parameter, ulong payloadLength)
    {
        header[0] = (byte)'H';
        header[1] = (byte)'S';
        header[2] = (byte)type;
        header[3] = controlCode;
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], parameter);
        BinaryPrimitives.WriteUInt64BigEndian(header[8..], payloadLength);
    }

    public ValueTask WriteAsync(Stream stream, CancellationToken cancellationToken) => stream.WriteAsync(Encode(), cancellationToken);

    /// <summary>Reads one message; null when the peer closed the connection between messages.</summary>
    public static async Task<HiSlipMessage?> ReadAsync(Stream stream, ulong maxPayload, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderBytes];
        if (!await FillAsync(stream, header, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (header[0] != 'H' || header[1] != 'S')
        {
            throw new InvalidDataException($"not a HiSLIP header (prologue 0x{header[0]:X2}{header[1]:X2})");
        }

        var length = BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
        if (length > maxPayload)
        {
            throw new InvalidDataException($"HiSLIP payload of {length} bytes exceeds the {maxPayload}-byte limit");
        }

        var payload = new byte[(int)length];
        if (length > 0 && !await FillAsync(stream, payload, cancellationToken).ConfigureAwait(false))
        {
            throw new EndOfStreamException("connection closed inside a HiSLIP message");
        }

        return new HiSlipMessage((HiSlipMessageType)header[2], header[3], BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4)), payload);
    }

    private static async Task<bool> FillAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[read..], cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return read == 0 ? false : throw new EndOfStreamException("connection closed inside a HiSLIP message");
            }

            read += n;
        }

        return true;
    }
}
