using Bench.Dsp.Events;

namespace Bench.Dsp.Streaming;

/// <summary>
/// Receives what a <see cref="ReferenceMeter"/> measures, as soon as it is measured. The <see cref="IntervalValues"/>
/// passed in are reused by the engine: copy what you keep. Every member has an empty default.
/// </summary>
public interface IMeterObserver
{
    void OnBasicInterval(IntervalValues values)
    {
    }

    void OnAggregate(AggregationLevel level, IntervalValues values)
    {
    }

    void OnFrequency(FrequencyValue value)
    {
    }

    /// <summary>Urms(1/2) per voltage channel, time-tagged at the end of its one-cycle window.</summary>
    void OnHalfCycle(double timeS, ReadOnlySpan<double> urmsHalfCycle)
    {
    }

    void OnEvent(PqEvent value)
    {
    }

    void OnFlicker(FlickerValue value)
    {
    }
}
