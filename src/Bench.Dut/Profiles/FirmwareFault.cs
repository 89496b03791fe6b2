namespace Bench.Dut.Profiles;

/// <summary>
/// A defect a firmware version of the simulated meter shows: e.g. an extra energy error below a current, a stuck
/// register, reactive power with the wrong sign. <see cref="Magnitude"/> is in percent for errors.
/// </summary>
public sealed record FirmwareFault(string Firmware, FirmwareFaultKind Kind, double Magnitude, double BelowCurrentA, string Description);
