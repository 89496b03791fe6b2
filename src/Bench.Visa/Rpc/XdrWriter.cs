using System.Buffers.Binary;
using System.Text;

namespace Bench.Visa.Rpc;

/// <summary>XDR (RFC 4506) encoder: big-endian 4-byte items, opaque data padded to a multiple of four.</summary>
public sealed class XdrWriter
{
    private byte[] _buffer;

    public XdrWriter(int capacity = 256) => _buffer = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, Length);

    public XdrWriter UInt(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), value);
        return this;
    }

    public XdrWriter Int(int value) => UInt(unchecked((uint)value));

    public XdrWriter Bool(bool value) => UInt(value ? 1u : 0u);

    public XdrWriter Opaque(ReadOnlySpan<byte> data)
    {
        UInt((uint)data.Length);
        var padded = (data.Length + 3) & ~3;
        var span = Reserve(padded);
        data.CopyTo(span);
        span[data.Length..].Clear();
        return this;
    }

    public XdrWriter String(string text) => Opaque(Encoding.ASCII.GetBytes(text));

    /// <summary>Reserves room for a record-marking header that <see cref="RpcRecord"/> fills in later.</summary>
    public XdrWriter Skip(int bytes)
    {
        Reserve(bytes).Clear();
        return this;
    }

    public void Reset() => Length = 0;

    internal byte[] Buffer => _buffer;

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
