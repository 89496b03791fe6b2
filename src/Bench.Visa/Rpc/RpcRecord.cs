using System.Buffers.Binary;

namespace Bench.Visa.Rpc;

/// <summary>
/// ONC RPC record marking on TCP (RFC 5531 §11): each fragment starts with a big-endian word, bit 31 = last fragment,
/// bits 0–30 = length. We send one fragment per record and accept any number on receipt.
/// </summary>
public static class RpcRecord
{
    public const int HeaderBytes = 4;

    /// <summary>Sends a record whose first four bytes were left free (<see cref="XdrWriter.Skip"/>) for the header.</summary>
    public static ValueTask WriteAsync(Stream stream, XdrWriter message, CancellationToken cancellationToken)
    {
        var length = message.Length - HeaderBytes;
        BinaryPrimitives.WriteUInt32BigEndian(message.Buffer, 0x8000_0000u | (uint)length);
        return stream.WriteAsync(message.Buffer.AsMemory(0, message.Length), cancellationToken);
    }

    /// <summary>Reads one whole record; null when the peer closed the connection cleanly before it.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderBytes];
        byte[] record = [];
        var last = false;
        while (!last)
        {
            if (!await FillAsync(stream, header, cancellationToken).ConfigureAwait(false))
            {
                if (record.Length == 0)
                {
                    return null;
                }

                throw new EndOfStreamException("connection closed inside an RPC record");
            }

            var word = BinaryPrimitives.ReadUInt32BigEndian(header);
            last = (word & 0x8000_0000u) != 0;
            var length = (int)(word & 0x7FFF_FFFFu);
            if ((long)record.Length + length > maxBytes)
            {
                throw new InvalidDataException($"RPC record longer than {maxBytes} bytes");
            }

            var offset = record.Length;
            Array.Resize(ref record, offset + length);
            if (!await FillAsync(stream, record.AsMemory(offset), cancellationToken).ConfigureAwait(false))
            {
                throw new EndOfStreamException("connection closed inside an RPC record");
            }
        }

        return record;
    }

    /// <summary>Blocking variant of <see cref="ReadAsync"/> for servers that give each connection its own thread.</summary>
    public static byte[]? Read(Stream stream, int maxBytes)
    {
        var header = new byte[HeaderBytes];
        byte[] record = [];
        var last = false;
        while (!last)
        {
            if (!Fill(stream, header))
            {
                return record.Length == 0 ? null : throw new EndOfStreamException("connection closed inside an RPC record");
            }

            var word = BinaryPrimitives.ReadUInt32BigEndian(header);
            last = (word & 0x8000_0000u) != 0;
            var length = (int)(word & 0x7FFF_FFFFu);
            if ((long)record.Length + length > maxBytes)
            {
                throw new InvalidDataException($"RPC record longer than {maxBytes} bytes");
            }

            var offset = record.Length;
            Array.Resize(ref record, offset + length);
            if (!Fill(stream, record.AsSpan(offset)))
            {
                throw new EndOfStreamException("connection closed inside an RPC record");
            }
        }

        return record;
    }

    /// <summary>Blocking variant of <see cref="WriteAsync"/>.</summary>
    public static void Write(Stream stream, XdrWriter message)
    {
        BinaryPrimitives.WriteUInt32BigEndian(message.Buffer, 0x8000_0000u | (uint)(message.Length - HeaderBytes));
        stream.Write(message.Buffer, 0, message.Length);
    }

    private static bool Fill(Stream stream, Span<byte> buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer[read..]);
            if (n == 0)
            {
                return read == 0 ? false : throw new EndOfStreamException("connection closed inside an RPC record");
            }

            read += n;
        }

        return true;
    }

    private static async Task<bool> FillAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[read..], cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                if (read == 0)
                {
                    return false;
                }

                throw new EndOfStreamException("connection closed inside an RPC record");
            }

            read += n;
        }

        return true;
    }
}
