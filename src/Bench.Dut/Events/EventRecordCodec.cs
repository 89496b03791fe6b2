using Bench.Modbus.Data;

namespace Bench.Dut.Events;

/// <summary>
/// Bench's event-record layout "bench-v1", 12 registers per event: kind (1 dip, 2 swell, 3 interruption), phase mask,
/// start as Schneider DATETIME (UTC, 4 registers), duration in ms (UINT32), extreme voltage in % of Udin (FLOAT32, ABCD),
/// 2 reserved. The simulated PM8000 serves it; a real meter needs its log mapped to it (pm8000-map.md §5: no public
/// Modbus layout of the PM8000's ION event log exists).
/// </summary>
public static class EventRecordCodec
{
    public const int RecordLength = 12;

    public static void Encode(PqEvent e, Span<ushort> registers)
    {
        registers[..RecordLength].Clear();
        registers[0] = (ushort)e.Kind;
        registers[1] = (ushort)e.PhaseMask;
        SchneiderDateTime.Encode(e.Start.UtcDateTime, registers[2..6]);
        RegisterValues.FromUInt32((uint)Math.Clamp(Math.Round(e.Duration.TotalMilliseconds), 0, uint.MaxValue), WordOrder.ABCD, registers[6..8]);
        RegisterValues.FromFloat32((float)e.ExtremePercentOfDeclared, WordOrder.ABCD, registers[8..10]);
    }

    public static PqEvent Decode(ReadOnlySpan<ushort> registers)
    {
        var kind = (PqEventKind)registers[0];
        if (!Enum.IsDefined(kind))
        {
            throw new FormatException($"event kind {registers[0]} is not 1 (dip), 2 (swell) or 3 (interruption)");
        }

        var start = DateTime.SpecifyKind(SchneiderDateTime.Decode(registers[2..6]), DateTimeKind.Utc);
        return new PqEvent(
            kind,
            registers[1],
            new DateTimeOffset(start),
            TimeSpan.FromMilliseconds(RegisterValues.ToUInt32(registers[6..8], WordOrder.ABCD)),
            RegisterValues.ToFloat32(registers[8..10], WordOrder.ABCD));
    }
}
