namespace Bench.Dut.Profiles;

/// <summary>
/// An energy register: where it is, and the value (in the register's unit, after scaling) at which it wraps to zero,
/// when it does (the meter's configured rollover, or the largest value of its type).
/// </summary>
public sealed record EnergyCounter(EnergyQuantity Quantity, RegisterPoint Point, double? Rollover);
