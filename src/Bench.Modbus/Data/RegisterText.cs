using System.Text;

namespace Bench.Modbus.Data;

/// <summary>Strings in registers (Schneider "UTF8"): two bytes per register, first character in the high byte, NUL-padded.</summary>
public static class RegisterText
{
    public static string Decode(ReadOnlySpan<ushort> registers)
    {
        Span<byte> bytes = stackalloc byte[registers.Length * 2];
        for (var k = 0; k < registers.Length; k++)
        {
            bytes[2 * k] = (byte)(registers[k] >> 8);
            bytes[(2 * k) + 1] = (byte)registers[k];
        }

        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]).TrimEnd();
    }

    /// <summary>Writes <paramref name="text"/> into <paramref name="registers"/>, truncating to whole characters that fit, NUL-padding the rest.</summary>
    public static void Encode(string text, Span<ushort> registers)
    {
        Span<byte> bytes = stackalloc byte[registers.Length * 2];
        bytes.Clear();
        var encoded = Encoding.UTF8.GetBytes(text);
        var length = Math.Min(encoded.Length, bytes.Length);
        while (length > 0 && length < encoded.Length && (encoded[length] & 0xC0) == 0x80)
        {
            length--; // do not cut a multi-byte character
        }

        encoded.AsSpan(0, length).CopyTo(bytes);
        for (var k = 0; k < registers.Length; k++)
        {
            registers[k] = (ushort)((bytes[2 * k] << 8) | bytes[(2 * k) + 1]);
        }
    }
}
