namespace Bench.Dsp.Events;

public enum PqEventType
{
    Dip,
    Swell,
    Interruption,

    /// <summary>Rapid voltage change (IEC 61000-4-30 §5.11).</summary>
    Rvc,
}
