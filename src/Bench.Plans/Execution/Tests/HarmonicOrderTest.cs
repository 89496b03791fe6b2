using System.Globalization;

using Bench.Core.Errors;
using Bench.Core.Results;
using Bench.Dut.Meter;
using Bench.Dut.Records;
using Bench.Instruments.Drivers;
using Bench.Instruments.Roles;
using Bench.Plans.Model;
using Bench.Standards.Decisions;
using Bench.Standards.Limits;
using Bench.Waveforms.Comtrade;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// One voltage harmonic order (IEC 61000-4-30 §5.8, IEC 61000-4-7 Class I) on a meter with no per-harmonic registers
/// (the PM8000: pm8000-map.md §5, "use COMTRADE waveforms plus our own FFT"): the source adds the point's spectrum,
/// then a short dip (50 % for 3 cycles) makes the meter record its waveform; the record's pre-trigger cycles hold the
/// steady distorted voltage, which Bench.Dsp analyses over one 10/12-cycle window. The reference is the programmed
/// spectrum (Uh = h % × the phase's voltage; the reference standard's profile reports no harmonics). Judged per phase,
/// worst deciding: ±5 % of reading where Uh ≥ 1 % Unom, else ±0.05 % Unom. Without records or events: INCOMPLETE.
/// </summary>
public sealed class HarmonicOrderTest(PointRunContext context) : IPointTestRunner
{
    private const double TriggerResidualPercent = 50;
    private const double TriggerCycles = 3;

    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var bench = context.Bench;
        var order = point.Plan.Stimulus.HarmonicOrder!.Value;
        var unsupported = UnsupportedPowerQualityParameter.Reason(PowerQualityParameter.VoltageHarmonic);
        var records = bench.Records;
        if (records is null)
        {
            return context.Incomplete(plan, point, $"{unsupported}; and no waveform records are declared for the meter, so the order cannot be computed from its waveform either");
        }

        if (bench.Source is not IVoltageEventSource { SupportsVoltageEvents: true } events || bench.Source is ProfileSource { Profile: var p } && p.Command("set_voltage_harmonic") is null)
        {
            return context.Incomplete(plan, point, $"{unsupported}; the waveform path needs a source that adds harmonics (set_voltage_harmonic) and runs a dip to trigger the meter's record (voltage_event): {bench.Source.Identity.Resource} does not");
        }

        var harmonics = point.Plan.Stimulus.VoltageHarmonics;
        var setpoint = point.Setpoint with
        {
            Phases = point.Setpoint.Phases.Select(ph => ph with { VoltageHarmonics = harmonics.Select(h => h with { AngleDeg = h.Order * ph.VoltageAngleDeg }).ToList() }).ToList(),
        };
        var percent = harmonics.Single(h => h.Order == order).PercentOfFundamental;
        var frequency = setpoint.FrequencyHz;
        var nominal = point.Ratings.NominalVoltageV;

        IReadOnlyList<ComtradeRecordFiles> fetched;
        var folder = Directory.CreateTempSubdirectory("bench-harmonic-").FullName;
        try
        {
            try
            {
                await bench.Source.ApplyAsync(setpoint, cancellationToken);
                await bench.Clock.WaitAsync(plan.Settle, cancellationToken);
                // Listed after settling: a record of the output switching on is not the trigger's.
                var before = await records.ListAsync(cancellationToken);
                var seconds = TriggerCycles / frequency;
                await events.RunVoltageEventAsync(VoltageEvent.AllPhases(TriggerResidualPercent, seconds), cancellationToken);
                await bench.Clock.WaitAsync(TimeSpan.FromSeconds(seconds), cancellationToken);
                if (events is ProfileSource profileSource)
                {
                    await profileSource.EndVoltageEventAsync(cancellationToken);
                }

                await bench.Clock.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
                var fresh = (await records.ListAsync(cancellationToken)).Except(before, StringComparer.OrdinalIgnoreCase).ToList();
                fetched = await records.FetchAsync(fresh, folder, cancellationToken);
            }
            catch (InstrumentFaultException e) when (e.Resource == records.Description)
            {
                return context.Incomplete(plan, point, $"the meter's waveform records ({records.Description}) are unreachable: {e.Message}");
            }

            if (fetched.Count == 0)
            {
                return context.Incomplete(plan, point, $"the meter made no waveform record of the {TriggerResidualPercent:0} % / {TriggerCycles:0}-cycle trigger dip ({records.Description}): the order could not be computed");
            }

            var record = fetched.OrderBy(f => f.Name, StringComparer.Ordinal).Last();
            var waveform = ComtradeReader.ReadWaveform(record.ConfigPath);
            var (measured, problem) = WaveformHarmonics.Measure(waveform, frequency, nominal, order);
            if (measured is null)
            {
                return context.Incomplete(plan, point, $"record {record.Name}: {problem}");
            }

            return Judge(plan, point, setpoint, order, percent, nominal, measured, record.Name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private PointResult Judge(TestPlan plan, ResolvedPoint point, Core.Quantities.ThreePhaseSetpoint setpoint, int order, double percent, double nominal, WaveformHarmonics.Measurement measured, string recordName)
    {
        var worst = (Error: double.NaN, Reference: 0.0, Meter: 0.0, Limit: 0.0, Unit: "");
        var phases = new List<string>();
        for (var k = 0; k < Math.Min(measured.MagnitudeV.Count, setpoint.Phases.Count); k++)
        {
            var reference = percent / 100 * setpoint.Phases[k].VoltageV;
            var meter = measured.MagnitudeV[k];
            var (limit, unit) = PowerQualityHarmonicLimit.For(reference / nominal * 100);
            var error = unit == "% of reading" ? (meter - reference) / reference * 100 : (meter - reference) / nominal * 100;
            phases.Add(string.Create(CultureInfo.InvariantCulture, $"L{k + 1} {meter:0.####} V against {reference:0.####} V ({error:+0.###;-0.###;0} {unit})"));
            if (double.IsNaN(worst.Error) || Math.Abs(error) / limit > Math.Abs(worst.Error) / worst.Limit)
            {
                worst = (error, reference, meter, limit, unit);
            }
        }

        var verdict = DecisionRules.Decide(context.Rule, worst.Error, worst.Limit, null);
        return context.Result(plan, point, null, null, worst.Error, verdict) with
        {
            Setpoint = point.Description with { Phases = string.Create(CultureInfo.InvariantCulture, $"voltage harmonic h{order}") },
            LimitPercent = worst.Limit,
            ErrorUnit = worst.Unit,
            LimitSource = PowerQualityHarmonicLimit.Source(thd: false),
            ReferenceValue = worst.Reference,
            MeterValue = worst.Meter,
            ValueUnit = "V",
            Reason = string.Create(CultureInfo.InvariantCulture, $"voltage harmonic h{order} ({percent:0.###} % of the fundamental programmed on every phase): from the meter's waveform record {recordName} ({measured.SampleRateHz:0.#} samples/s), one {measured.Cycles}-cycle IEC 61000-4-7 window of its pre-trigger part, harmonic subgroup, computed by Bench.Dsp (the meter has no per-harmonic register; its record was triggered by a {TriggerResidualPercent:0} % dip of {TriggerCycles:0} cycles after settling); {string.Join(", ", phases)}; reference: the programmed spectrum (the reference standard's profile reports no harmonics); budget: none stated (one window, the source's harmonic amplitude accuracy is not in its profile)"),
        };
    }
}
