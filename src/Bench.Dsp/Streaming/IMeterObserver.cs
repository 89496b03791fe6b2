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

    /// <summary>
    /// At each Urms(1/2) of the first voltage channel: the latest Urms(1/2) of every voltage channel (each measured on
    /// its own zero crossings, so the others' windows end up to half a cycle earlier), tagged with the first one's time.
    /// </summary>
    void OnHalfCycle(double timeS, ReadOnlySpan<double> urmsHalfCycle)
    {
    }

    /// <summary>One channel's Urms(1/2) with its one-cycle window (between that channel's own zero crossings).</summary>
    void OnChannelHalfCycle(int channel, HalfCycleWindow window)
    {
    }

    void OnEvent(PqEvent value)
    {
    }

    void OnFlicker(FlickerValue value)
    {
    }
}
