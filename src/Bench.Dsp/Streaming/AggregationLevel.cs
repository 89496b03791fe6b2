namespace Bench.Dsp.Streaming;

/// <summary>IEC 61000-4-30 aggregation intervals above the basic 10/12-cycle interval.</summary>
public enum AggregationLevel
{
    /// <summary>150 cycles (50 Hz) / 180 cycles (60 Hz): 15 consecutive basic intervals, about 3 s.</summary>
    Cycles150,

    /// <summary>10 minutes, on the clock's 10-minute ticks.</summary>
    Minutes10,

    /// <summary>2 hours, on the clock's 2-hour ticks, from the 10-minute values.</summary>
    Hours2,
}
