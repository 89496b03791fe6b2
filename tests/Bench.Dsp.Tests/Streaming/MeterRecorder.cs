using Bench.Dsp.Events;
using Bench.Dsp.Streaming;
using Bench.Waveforms.Synthesis;

namespace Bench.Dsp.Tests.Streaming;

/// <summary>Runs a <see cref="TestSignal"/> through a <see cref="ReferenceMeter"/> and keeps copies of everything it reports.</summary>
internal sealed class MeterRecorder : IMeterObserver
{
    public List<IntervalValues> Intervals { get; } = [];

    public List<(AggregationLevel Level, IntervalValues Values)> Aggregates { get; } = [];

    public List<FrequencyValue> Frequencies { get; } = [];

    public List<PqEvent> Events { get; } = [];

    public List<FlickerValue> Flicker { get; } = [];

    public List<(double T, double[] U)> HalfCycles { get; } = [];

    public bool KeepHalfCycles { get; init; }

    /// <summary>Every channel's Urms(1/2) with its window (kept with <see cref="KeepHalfCycles"/>).</summary>
    public List<(int Channel, HalfCycleWindow Window)> ChannelHalfCycles { get; } = [];

    public ReferenceMeter? Meter { get; private set; }

    public static MeterRecorder Run(TestSignal signal, MeterSettings settings, double durationS, bool keepHalfCycles = false, int blockFrames = 4096)
    {
        var recorder = new MeterRecorder { KeepHalfCycles = keepHalfCycles };
        var meter = new ReferenceMeter(settings, recorder);
        recorder.Meter = meter;
        var total = (int)Math.Round(durationS * settings.SampleRateHz);
        for (var start = 0; start < total; start += blockFrames)
        {
            var count = Math.Min(blockFrames, total - start);
            var record = TestSignalSynthesizer.Synthesize(signal, settings.SampleRateHz, count, start / settings.SampleRateHz);
            var channels = record.Voltages.Take(settings.Phases).Concat(record.Currents.Take(settings.EffectiveCurrentChannels)).ToList();
            meter.Process(TestSignalSynthesizer.Interleave(record, channels));
        }

        meter.Complete();
        return recorder;
    }

    public void OnBasicInterval(IntervalValues values) => Intervals.Add(values.Clone());

    public void OnAggregate(AggregationLevel level, IntervalValues values) => Aggregates.Add((level, values.Clone()));

    public void OnFrequency(FrequencyValue value) => Frequencies.Add(value);

    public void OnEvent(PqEvent value) => Events.Add(value);

    public void OnFlicker(FlickerValue value) => Flicker.Add(value);

    public void OnChannelHalfCycle(int channel, HalfCycleWindow window)
    {
        if (KeepHalfCycles)
        {
            ChannelHalfCycles.Add((channel, window));
        }
    }

    public void OnHalfCycle(double timeS, ReadOnlySpan<double> urmsHalfCycle)
    {
        if (KeepHalfCycles)
        {
            HalfCycles.Add((timeS, urmsHalfCycle.ToArray()));
        }
    }
}
