using System.Buffers.Binary;
using System.Text;

namespace Bench.Visa.Rpc;

/// <summary>XDR decoder over one received record; running past the end is a <see cref="FormatException"/> (garbled message).</summary>
public sealed class XdrReader(ReadOnlyMemory<byte> data)
{
    private int _position;

    public int Remaining => data.Length - _position;

    public uint UInt() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public int Int() => unchecked((int)UInt());

    public bool Bool() => UInt() != 0;

    public ReadOnlyMemory<byte> Opaque(int maxLength = int.MaxValue)
    {
        var length = UInt();
        if (length > (uint)maxLength || length > (uint)Remaining)
        {
            throw new FormatException($"XDR opaque of {length} bytes does not fit the message");
        }

        var start = _position;
        _ = Take(((int)length + 3) & ~3);
        return data.Slice(start, (int)length);
    }

    public string String(int maxLength = 65536) => Encoding.ASCII.GetString(Opaque(maxLength).Span);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new FormatException("XDR message ends early");
        }

        var span = data.Span.Slice(_position, count);
        _position += count;
        return span;
    }
}
