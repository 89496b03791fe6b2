using Bench.Modbus.Data;

namespace Bench.Dut.Profiles;

/// <summary>
/// One mapped value: its register number as the profile writes it, its wire <see cref="Address"/>, type, word order,
/// scale (value = raw × scale, in <see cref="Unit"/>) and where the profile declared it (for messages).
/// </summary>
public sealed record RegisterPoint(
    string Name,
    int Number,
    int Address,
    RegisterType Type,
    int Length,
    WordOrder Order,
    double Scale,
    string Unit,
    RegisterTable Table,
    string DeclaredAt)
{
    public int LastAddress => Address + Length - 1;

    /// <summary>Registers a type occupies; strings say their own length.</summary>
    public static int LengthOf(RegisterType type, int? declared) => type switch
    {
        RegisterType.Int16 or RegisterType.UInt16 => 1,
        RegisterType.Int32 or RegisterType.UInt32 or RegisterType.Float32 or RegisterType.FourQuadrantPowerFactor => 2,
        RegisterType.Int64 or RegisterType.UInt64 or RegisterType.DateTime => 4,
        _ => declared ?? 1,
    };
}
