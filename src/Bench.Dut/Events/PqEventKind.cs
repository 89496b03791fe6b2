namespace Bench.Dut.Events;

/// <summary>Voltage events of IEC 61000-4-30 §5.4 a meter logs.</summary>
public enum PqEventKind
{
    Dip = 1,
    Swell = 2,
    Interruption = 3,
}
