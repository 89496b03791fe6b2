namespace Bench.Dut.Profiles;

/// <summary>How a profile entry is laid over registers; <see cref="FourQuadrantPowerFactor"/> is Schneider's "4Q_FP_PF" FLOAT32.</summary>
public enum RegisterType
{
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float32,
    Utf8,
    DateTime,
    FourQuadrantPowerFactor,
}
