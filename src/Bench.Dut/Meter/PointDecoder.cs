using System.Globalization;

using Bench.Dut.Profiles;
using Bench.Modbus.Data;

namespace Bench.Dut.Meter;

/// <summary>
/// Decodes a mapped point from its registers: numbers come out scaled and in the profile's unit, with the
/// "not available" patterns (0xFFFF, 0x8000, 0x8000… for INT64, NaN) as NaN; text for strings.
/// </summary>
public static class PointDecoder
{
    public static double Number(RegisterPoint point, ReadOnlySpan<ushort> r)
    {
        double raw = point.Type switch
        {
            RegisterType.Int16 => r[0] == 0x8000 ? double.NaN : RegisterValues.ToInt16(r),
            RegisterType.UInt16 => r[0] == 0xFFFF ? double.NaN : r[0],
            RegisterType.Int32 => RegisterValues.ToInt32(r, point.Order) is var i32 && i32 == int.MinValue ? double.NaN : i32,
            RegisterType.UInt32 => RegisterValues.ToUInt32(r, point.Order) is var u32 && u32 == uint.MaxValue ? double.NaN : u32,
            RegisterType.Int64 => RegisterValues.ToInt64(r, point.Order) is var i64 && i64 == long.MinValue ? double.NaN : i64,
            RegisterType.UInt64 => RegisterValues.ToUInt64(r, point.Order) is var u64 && u64 == ulong.MaxValue ? double.NaN : u64,
            RegisterType.Float32 => RegisterValues.ToFloat32(r, point.Order),
            RegisterType.FourQuadrantPowerFactor => FourQuadrantPowerFactor.Decode(RegisterValues.ToFloat32(r, point.Order)).PowerFactor,
            _ => throw new ArgumentException($"'{point.Name}' is {point.Type}, not a number", nameof(point)),
        };
        return raw * point.Scale;
    }

    /// <summary>The value in Bench's base unit (W for a kW register, Wh for kWh).</summary>
    public static double InBaseUnit(RegisterPoint point, ReadOnlySpan<ushort> registers) =>
        Number(point, registers) * UnitConversion.ToBase(point.Unit);

    /// <summary>Smallest step of the register at this reading, in the base unit: the scale for integers, the float's ULP otherwise.</summary>
    public static double ResolutionInBaseUnit(RegisterPoint point, ReadOnlySpan<ushort> registers)
    {
        var step = point.Type is RegisterType.Float32 or RegisterType.FourQuadrantPowerFactor
            ? Ulp(RegisterValues.ToFloat32(registers, point.Order))
            : 1.0;
        return step * Math.Abs(point.Scale) * UnitConversion.ToBase(point.Unit);
    }

    public static string Text(RegisterPoint point, ReadOnlySpan<ushort> r) => point.Type switch
    {
        RegisterType.Utf8 => RegisterText.Decode(r),
        RegisterType.DateTime => SchneiderDateTime.Decode(r).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        _ => Number(point, r).ToString("R", CultureInfo.InvariantCulture),
    };

    private static double Ulp(float value) => MathF.BitIncrement(MathF.Abs(value)) - MathF.Abs(value);
}
