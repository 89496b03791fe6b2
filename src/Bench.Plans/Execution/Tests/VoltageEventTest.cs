using System.Globalization;

using Bench.Core.Errors;
using Bench.Core.Results;
using Bench.Dut.Events;
using Bench.Dut.Meter;
using Bench.Dut.Records;
using Bench.Instruments.Drivers;
using Bench.Instruments.Roles;
using Bench.Plans.Model;
using Bench.Standards.Decisions;
using Bench.Standards.Limits;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Dips, swells and interruptions (IEC 61000-4-30 §5.4 as IEC 62586-2 tests them): the source runs the point's events
/// one after another from the steady setting; the meter's event log is read before and after, and only the events it
/// logged in between are compared. The reference is what the reference standard measured when it detects events
/// itself (<see cref="IEventRecorder"/>, armed before the sequence: the same Class A method, so the method's own
/// lengthening is on both sides); otherwise the programmed sequence, its residual relative to the steady voltage the
/// point applied and its start when the trigger was sent. A missed event, an extra one, a duration or residual outside
/// the class's tolerance fails the point.
/// </summary>
public sealed class VoltageEventTest(PointRunContext context) : IPointTestRunner
{
    private const string ReferenceNote = "reference: the programmed events (the reference standard's profile has no event detection)";

    private const string MeasuredBudgetNote = "budget: none; the reference's event residual and duration uncertainty is not in its profile (both instruments use the Class A method: ±0.2 % Udin, ±1 cycle each)";

    private const string BudgetNote = "budget: none; the programmed residual, duration and start are taken as exact (the source's amplitude and timing accuracy is not in its profile)";

    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var bench = context.Bench;
        if (bench.Meter is not ModbusMeter meter || meter.Profile.EventLog is null)
        {
            return context.Incomplete(plan, point, "the meter's profile maps no event log (event_log), so its dips, swells and interruptions cannot be read; see pm8000-map.md §5");
        }

        if (bench.Source is not IVoltageEventSource { SupportsVoltageEvents: true } source)
        {
            return context.Incomplete(plan, point, $"the source ({bench.Source.Identity.Resource}) has no 'voltage_event' commands in its profile: it cannot run dips, swells or interruptions");
        }

        var steady = point.Setpoint;
        var frequency = steady.FrequencyHz;
        var declared = point.Ratings.NominalVoltageV;
        var events = point.Plan.Stimulus.Events;
        if (source is ProfileSource { CanAddressEventPhases: false } && events.Any(e => e.Phases.Count < steady.Phases.Count))
        {
            return context.Incomplete(plan, point, $"the source's voltage_event commands address no phase: it cannot run the point's single-phase events");
        }

        var limits = PowerQualityEventLimits.For(plan.AccuracyClass, point.Ratings.NominalFrequencyHz) with { StartToleranceS = point.Plan.Stimulus.StartToleranceS };
        var records = point.Plan.Stimulus.Records == EventRecordsMode.Off ? null : context.Bench.Records;
        if (records is null && point.Plan.Stimulus.Records == EventRecordsMode.Required)
        {
            return context.Incomplete(plan, point, "the point requires the meter's waveform records (records: required), but no record source is declared for the meter (its SFTP site or record folder)");
        }

        await bench.Source.ApplyAsync(steady, cancellationToken);
        await bench.Clock.WaitAsync(plan.Settle, cancellationToken);

        // Listed after settling, so a record of the output switching on is not taken for one of the sequence's.
        IReadOnlyList<string> recordsBefore = [];
        if (records is not null)
        {
            try
            {
                recordsBefore = await records.ListAsync(cancellationToken);
            }
            catch (InstrumentFaultException fault)
            {
                return context.Incomplete(plan, point, $"the meter's waveform records ({records.Description}) are unreachable: {fault.Message}; nothing was run (records: {point.Plan.Stimulus.Records.ToString().ToLowerInvariant()})");
            }
        }

        var before = await meter.ReadEventsAsync(cancellationToken);
        var recorder = bench.Reference is IEventRecorder { SupportsEvents: true } r ? r : null;
        var armedAt = bench.Clock.Now;
        if (recorder is not null)
        {
            await recorder.ArmEventsAsync(declared, cancellationToken);
        }

        var programmed = new List<ProgrammedEvent>();
        var number = 0;
        foreach (var planned in events)
        {
            await bench.Clock.WaitAsync(TimeSpan.FromSeconds(planned.GapS), cancellationToken);
            var seconds = planned.Seconds(frequency);
            var voltageEvent = new VoltageEvent(planned.ResidualPercent, seconds, planned.Phases);
            var start = bench.Clock.Now;
            await source.RunVoltageEventAsync(voltageEvent, cancellationToken);
            var latency = bench.Clock.Now - start;
            programmed.Add(Programmed(++number, planned, steady.Phases.Select(p => p.VoltageV).ToArray(), declared, start, seconds, frequency, latency) with { TriggeredAt = start });
            await bench.Clock.WaitAsync(TimeSpan.FromSeconds(seconds), cancellationToken);
            if (source is ProfileSource profileSource)
            {
                await profileSource.EndVoltageEventAsync(cancellationToken);
            }
        }

        // The meter logs an event once it has ended and recovered past the hysteresis: give it a moment to write it.
        await bench.Clock.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, events[^1].GapS)), cancellationToken);
        var after = await meter.ReadEventsAsync(cancellationToken);
        var fresh = NewEvents(before, after);
        var capacity = meter.Profile.EventLog.Capacity;
        if (fresh.Count >= capacity)
        {
            return context.Incomplete(plan, point, $"the meter logged {fresh.Count} new events, its log's whole capacity ({capacity}): some may have been overwritten; run fewer events per point");
        }

        var referenceNote = ReferenceNote;
        IReadOnlyList<ProgrammedEvent> references = programmed;
        if (recorder is not null)
        {
            (references, referenceNote) = await MeasuredReferenceEvents.ReadAsync(recorder, bench.Reference.Identity, armedAt, programmed, limits, frequency, cancellationToken);
        }

        var clock = "";
        var clockOffset = TimeSpan.Zero;
        if (point.Plan.Stimulus.MeterClockUnsynchronised && MeterClockOffset.Estimate(references, fresh) is { } offset)
        {
            clockOffset = offset.Offset;
            // Judge starts on the bench's time base: the meter's events moved back by its estimated clock offset.
            fresh = [.. fresh.Select(e => e with { Start = e.Start - offset.Offset })];
            clock = string.Create(CultureInfo.InvariantCulture, $"meter clock offset {offset.Offset.TotalMilliseconds:+0.#;-0.#;0} ms (median of {offset.Pairs} paired starts) removed before judging starts; ");
        }

        var outcome = EventJudgement.Judge(references, fresh, limits, frequency);
        RecordEvidence.Outcome? evidence = null;
        if (records is not null)
        {
            evidence = await RecordEvidence.CheckAsync(records, recordsBefore, fresh, outcome.Matches, declared, limits, frequency, clockOffset, cancellationToken);
        }

        var recordNote = evidence is { } ev ? $"; {ev.Summary}"
            : point.Plan.Stimulus.Records == EventRecordsMode.Off ? "; records: off"
            : "; records: not checked (no record source is declared for the meter)";

        // The programmed residual is the reference: its uncertainty is the source's amplitude accuracy, where stated.
        var budget = new UncertaintyBudget([]);
        var budgetNote = recorder is null ? BudgetNote : MeasuredBudgetNote;
        if (recorder is null && source is ProfileSource profiled && outcome.WorstReference is { } worstReference)
        {
            var (component, note) = ReferenceMagnitudeUncertainty.ForSourceVoltage(profiled, worstReference / 100 * declared, declared, point.LimitUnit);
            budget = new UncertaintyBudget(component is null ? [] : [component]);
            budgetNote = component is null
                ? BudgetNote
                : $"budget: {note} on the residual of the worst event; the programmed duration and start are taken as exact";
        }

        var expanded = budget.ExpandedPercent > 0 ? budget.ExpandedPercent : (double?)null;
        var verdict = evidence is { Incomplete: true } ? Verdict.Incomplete
            : outcome.Passed && evidence?.Passed != false
            ? outcome.WorstExtremeError is { } e ? DecisionRules.Decide(context.Rule, e, point.LimitPercent, expanded) : Verdict.Pass
            : Verdict.Fail;
        var set = point.Plan.Stimulus.EventSet is { } name ? $"{name} ({PowerQualityEventSets.Clause}); " : "";
        var summary = string.Create(CultureInfo.InvariantCulture, $"{Count(programmed.Count, "event")} programmed, {fresh.Count} logged by the meter, {outcome.Missing} missing, {outcome.Extra} extra");
        var tolerances = string.Create(CultureInfo.InvariantCulture, $"tolerances: residual ±{limits.ResidualPercentOfUdin:0.###} % Udin, duration ±{limits.DurationCycles:0.#} cycle(s), start ±{limits.Start(frequency, TimeSpan.Zero).TotalMilliseconds:0.#} ms{(limits.StartToleranceS is null ? " (clock and detection)" : " (the plan's)")} + trigger latency");
        return context.Result(plan, point, null, null, outcome.WorstExtremeError, verdict) with
        {
            Setpoint = point.Description with { Phases = Count(programmed.Count, "event") },
            ReferenceValue = outcome.WorstReference,
            MeterValue = outcome.WorstMeter,
            ValueUnit = "% Udin",
            UncertaintyPercent = expanded,
            CoverageFactor = expanded is null ? null : budget.CoverageFactor,
            Tur = expanded is null ? null : budget.Tur(point.LimitPercent),
            Budget = expanded is null ? null : PowerQualityTest.Contributions(budget),
            Reason = $"{set}{summary}; {referenceNote}{recordNote}; {clock}{tolerances}; {budgetNote}. {string.Join(" | ", outcome.Lines.Concat(evidence?.Lines ?? []))}",
        };
    }

    private static ProgrammedEvent Programmed(int number, PlannedVoltageEvent planned, double[] steadyV, double declaredV, DateTimeOffset start, double seconds, double frequency, TimeSpan latency)
    {
        var mask = planned.Phases.Aggregate(0, (m, p) => m | (1 << (p - 1)));
        var all = mask == (1 << steadyV.Length) - 1;
        // The residual is a fraction of the steady voltage on each affected phase; the meter reports it in % Udin.
        var extreme = planned.Phases.Select(p => planned.ResidualPercent * steadyV[p - 1] / declaredV);
        var swell = planned.ResidualPercent > 100;
        var value = swell ? extreme.Max() : extreme.Min();
        var kind = ProgrammedEvent.KindOf(value, all);
        var expected = kind is { } k ? new PqEvent(k, mask, start, TimeSpan.FromSeconds(seconds), value) : null;
        return new ProgrammedEvent(number, expected, planned.ResidualPercent, mask, latency, seconds < 2 / frequency);
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>The events in <paramref name="after"/> that were not in the log already (records compare by value).</summary>
    private static List<PqEvent> NewEvents(IReadOnlyList<PqEvent> before, IReadOnlyList<PqEvent> after)
    {
        var old = before.ToList();
        var fresh = new List<PqEvent>();
        foreach (var e in after)
        {
            if (!old.Remove(e))
            {
                fresh.Add(e);
            }
        }

        return fresh;
    }
}
