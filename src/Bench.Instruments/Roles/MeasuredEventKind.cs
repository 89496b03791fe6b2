namespace Bench.Instruments.Roles;

/// <summary>Voltage events of IEC 61000-4-30 §5.4 as a reference standard reports them (the codes its event query returns).</summary>
public enum MeasuredEventKind
{
    Dip = 1,
    Swell = 2,
    Interruption = 3,
}
