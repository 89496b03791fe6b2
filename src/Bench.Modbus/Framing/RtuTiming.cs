namespace Bench.Modbus.Framing;

/// <summary>
/// RTU silent intervals: one character is 1 start + 8 data + parity + stop bits; frames are separated by 3.5 characters,
/// a gap of more than 1.5 characters inside a frame breaks it. Above 19200 baud the spec fixes 750 µs and 1750 µs.
/// </summary>
public static class RtuTiming
{
    public static TimeSpan CharacterTime(int baudRate, bool parity, int stopBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baudRate, 1);
        var bits = 1 + 8 + (parity ? 1 : 0) + stopBits;
        return TimeSpan.FromTicks((long)Math.Round(bits * TimeSpan.TicksPerSecond / (double)baudRate));
    }

    /// <summary>t3.5, the minimum silence between frames.</summary>
    public static TimeSpan InterFrameDelay(int baudRate, bool parity = true, int stopBits = 1) =>
        baudRate > 19200 ? TimeSpan.FromMicroseconds(1750) : CharacterTime(baudRate, parity, stopBits) * 3.5;

    /// <summary>t1.5, the longest silence allowed inside a frame.</summary>
    public static TimeSpan InterCharacterTimeout(int baudRate, bool parity = true, int stopBits = 1) =>
        baudRate > 19200 ? TimeSpan.FromMicroseconds(750) : CharacterTime(baudRate, parity, stopBits) * 1.5;
}
