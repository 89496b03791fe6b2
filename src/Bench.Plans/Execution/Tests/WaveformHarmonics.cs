using Bench.Dsp.Harmonics;
using Bench.Dsp.Kernels;
using Bench.Dut.Events;
using Bench.Waveforms.Records;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// One harmonic order of a meter's voltage waveform as IEC 61000-4-7 measures it (Class I, one basic interval): the
/// first 10 (50 Hz) or 12 (60 Hz) cycles of the record, which must lie wholly before the first event Urms(1/2) finds
/// in it (a record's pre-trigger part holds the steady waveform), the harmonic subgroup of the order (its bin and one
/// each side), in the record's primary volts RMS. Pure: the record was read elsewhere.
/// </summary>
public static class WaveformHarmonics
{
    public sealed record Measurement(IReadOnlyList<double> MagnitudeV, IReadOnlyList<double> FundamentalV, int Cycles, double SampleRateHz);

    /// <returns>Null and a reason when the record cannot give the order.</returns>
    public static (Measurement? Result, string? Problem) Measure(WaveformRecord record, double frequencyHz, double declaredV, int order)
    {
        var cycles = frequencyHz >= 55 ? 12 : 10;
        var samplesPerCycle = record.SampleRateHz / frequencyHz;
        if (samplesPerCycle < 2.5 * order)
        {
            return (null, FormattableString.Invariant($"the record's {record.SampleRateHz:0.#} samples/s cannot resolve order {order} ({samplesPerCycle:0.#} samples per cycle)"));
        }

        var margin = LagrangeResampler.MarginBefore;
        var length = cycles * samplesPerCycle;
        var needed = (int)Math.Ceiling(margin + length) + LagrangeResampler.MarginAfter + 2;
        var trigger = ReferenceEvents.Detect(record, declaredV).Select(e => e.StartS * record.SampleRateHz).DefaultIfEmpty(record.SampleCount).Min();
        if (needed > trigger)
        {
            return (null, FormattableString.Invariant($"the record holds {trigger / samplesPerCycle:0.#} steady cycles before its trigger; IEC 61000-4-7 needs {cycles} (plus a few samples)"));
        }

        var maxOrder = Math.Max(order, 2);
        var bins = (cycles * (maxOrder + 1)) + 1;
        var spectrum = new IntervalSpectrum(bins, needed, samplesPerCycle, maxOrder);
        var re = new double[bins];
        var im = new double[bins];
        var power = new double[bins];
        var magnitudes = new List<double>();
        var fundamentals = new List<double>();
        foreach (var channel in record.Voltages)
        {
            spectrum.Analyze(channel.Samples.AsSpan(0, needed), margin, length, re, im);
            HarmonicGrouping.Power(re, im, power);
            magnitudes.Add(HarmonicGrouping.Subgroup(power, cycles, order));
            fundamentals.Add(HarmonicGrouping.Subgroup(power, cycles, 1));
        }

        return (new Measurement(magnitudes, fundamentals, cycles, record.SampleRateHz), null);
    }
}
