using Bench.Modbus.Errors;

namespace Bench.Modbus.Data;

/// <summary>
/// Schneider DATETIME, 4 registers: year − 2000 (0–99); month (high byte) and day (low byte); hour and minute;
/// milliseconds within the minute (0–59999). Layout per shared/protocols/pm8000-map.md §2 (marked unconfirmed there).
/// </summary>
public static class SchneiderDateTime
{
    public static DateTime Decode(ReadOnlySpan<ushort> registers)
    {
        var year = 2000 + (registers[0] & 0x7F);
        var month = (registers[1] >> 8) & 0x0F;
        var day = registers[1] & 0x1F;
        var hour = (registers[2] >> 8) & 0x1F;
        var minute = registers[2] & 0x3F;
        var milliseconds = registers[3];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || milliseconds > 59999)
        {
            throw new ModbusFrameException($"not a valid DATETIME: {registers[0]:X4} {registers[1]:X4} {registers[2]:X4} {registers[3]:X4}");
        }

        return new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified).AddMilliseconds(milliseconds);
    }

    public static void Encode(DateTime time, Span<ushort> registers)
    {
        if (time.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "DATETIME holds years 2000–2099");
        }

        registers[0] = (ushort)(time.Year - 2000);
        registers[1] = (ushort)((time.Month << 8) | time.Day);
        registers[2] = (ushort)((time.Hour << 8) | time.Minute);
        registers[3] = (ushort)((time.Second * 1000) + time.Millisecond);
    }
}
