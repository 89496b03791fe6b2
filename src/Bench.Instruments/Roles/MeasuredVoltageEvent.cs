namespace Bench.Instruments.Roles;

/// <summary>
/// One dip, swell or interruption a reference standard measured: kind, phases (bit 0 = L1 …), start as time since it
/// was armed, duration, and the extreme voltage (residual of a dip or interruption, maximum of a swell) in percent of
/// the declared voltage it was armed with.
/// </summary>
public sealed record MeasuredVoltageEvent(MeasuredEventKind Kind, int PhaseMask, TimeSpan SinceArmed, TimeSpan Duration, double ExtremePercentOfDeclared);
