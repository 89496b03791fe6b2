namespace Bench.Dut.Profiles;

/// <summary>
/// Where the meter tells who it is. Each entry is a register or, when the meter has no such register, a fixed text
/// from the profile (e.g. the manufacturer of a PM8000).
/// </summary>
public sealed record IdentityMap(IdentityField Manufacturer, IdentityField Model, IdentityField SerialNumber, IdentityField Firmware);
