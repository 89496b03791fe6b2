using System.Globalization;

using Bench.Core.Results;
using Bench.Instruments.Roles;
using Bench.Plans.Model;
using Bench.Standards.Decisions;
using Bench.Standards.Limits;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// An IEC 61557-12 function: the source sets the point, then the meter's reading of the function (the registers its
/// profile declares) is compared with the reference's, repeat by repeat; per-phase functions are judged on the worst
/// phase. The error is in the function's limit unit (% of reading, absolute PF, percentage points); the budget holds
/// the Type A spread and the reference's stated accuracy where its profile gives one. A function the meter does not
/// map, or a reading it cannot give, leaves the point INCOMPLETE.
/// </summary>
public sealed class PmdFunctionTest(PointRunContext context) : IPointTestRunner
{
    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var settings = point.Plan.Pmd!;
        if (settings.Function is PmdFunction.ReactiveEnergy or PmdFunction.ApparentEnergy)
        {
            return await new PmdEnergyTest(context).RunAsync(plan, point, cancellationToken);
        }

        var spec = PmdFunctionLimits.Spec(settings.Function);
        var (reader, problem) = PmdMeterReader.For(context.Bench.Meter, settings.Function);
        if (reader is null)
        {
            return context.Incomplete(plan, point, problem!);
        }

        var bench = context.Bench;
        var thdReference = settings.Function is PmdFunction.VoltageThd or PmdFunction.CurrentThd && bench.Reference is IHarmonicReference { SupportsThd: true } h ? h : null;
        string? thdMethod = null;
        await bench.Source.ApplyAsync(point.Setpoint, cancellationToken);
        await bench.Clock.WaitAsync(plan.Settle, cancellationToken);
        var errors = new List<double>(plan.Repeats);
        double referenceSum = 0, meterSum = 0;
        var worstPhase = 0;
        IReadOnlyList<UncertaintyComponent> referenceComponents = [];
        for (var repeat = 0; repeat < plan.Repeats; repeat++)
        {
            if (repeat > 0)
            {
                await bench.Clock.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            }

            var reference = await bench.Reference.MeasureAsync(cancellationToken);
            var meter = await reader.ReadAsync(cancellationToken);
            if (meter is null)
            {
                return context.Incomplete(plan, point, "the meter's profile maps no instantaneous values");
            }

            var expected = PmdReference.Values(settings.Function, reference, point.Setpoint, settings);
            if (thdReference is not null)
            {
                var thd = await thdReference.MeasureThdAsync(cancellationToken);
                expected = PmdReference.MeasuredThd(settings.Function, thd);
                thdMethod = thd.Method;
            }

            var worst = Worst(spec.Form, meter, expected);
            if (!double.IsFinite(worst.Error))
            {
                return context.Incomplete(plan, point, string.Create(CultureInfo.InvariantCulture, $"{spec.Symbol}: no reading to compare (meter {Values(meter)}, reference {Values(expected)}; from {reader.Registers})"));
            }

            errors.Add(worst.Error);
            referenceSum += worst.Reference;
            meterSum += worst.Meter;
            worstPhase = worst.Phase;
            referenceComponents = thdReference is null
                ? PmdReference.Components(settings.Function, reference, context.Figures)
                : PmdReference.ThdComponents(context.Figures);
        }

        var mean = errors.Average();
        var typeA = errors.Count >= 2 ? new[] { UncertaintyComponent.Repeatability($"Repeatability, {errors.Count} readings (Type A)", errors) } : [];
        var budget = new UncertaintyBudget([.. referenceComponents, .. typeA]);

        // A spread of exactly zero (a deterministic simulator) alone is no evidence of zero uncertainty: U stays unstated.
        var expanded = budget.ExpandedPercent > 0 ? budget.ExpandedPercent : (double?)null;
        var verdict = DecisionRules.Decide(context.Rule, mean, point.LimitPercent, expanded);
        var unit = ValueUnit(settings.Function);
        var (referenceValue, meterValue) = (referenceSum / errors.Count, meterSum / errors.Count);
        var where = spec.PerPhase ? $" (worst phase L{worstPhase + 1})" : "";
        return context.Result(plan, point, null, null, mean, verdict) with
        {
            ErrorUnit = point.LimitUnit,
            ReferenceValue = referenceValue,
            MeterValue = meterValue,
            ValueUnit = unit,
            Repeats = errors.Count,
            StandardDeviationPercent = errors.Count >= 2 ? UncertaintyComponent.ExperimentalStandardDeviation(errors) : null,
            UncertaintyPercent = expanded,
            CoverageFactor = expanded is null ? null : budget.CoverageFactor,
            Tur = expanded is null ? null : budget.Tur(point.LimitPercent),
            Budget = budget.Components.Select(c => new UncertaintyContribution(c.Name, c.Type, c.Distribution.ToString().ToLowerInvariant(), c.StatedPercent, c.StandardUncertaintyPercent)).ToList(),
            Reason = string.Create(CultureInfo.InvariantCulture, $"{spec.Symbol}{where}: meter {meterValue:0.#####} {unit}, reference {referenceValue:0.#####} {unit}; error in {point.LimitUnit}; read from {reader.Registers}{ReferenceNote(settings.Function, thdMethod is null ? null : $"{bench.Reference.Identity.Model}, {thdMethod}")}{NoUncertaintyNote(verdict, expanded)}"),
        };
    }

    /// <summary>
    /// The phase (or total) whose error is largest in magnitude. A phase carrying nothing (a single-phase load's idle
    /// phases) has no relative error and is left out; if every phase is idle the error is NaN.
    /// </summary>
    private static (double Error, double Reference, double Meter, int Phase) Worst(PmdErrorForm form, double[] meter, double[] reference)
    {
        var worst = (Error: double.NaN, Reference: double.NaN, Meter: double.NaN, Phase: 0);
        var n = Math.Min(meter.Length, reference.Length);
        var largest = reference.Take(n).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var relative = form is PmdErrorForm.PercentOfReading or PmdErrorForm.PercentOfReadingTable;
        for (var k = 0; k < n; k++)
        {
            if (relative && n > 1 && Math.Abs(reference[k]) <= 1e-6 * largest && largest > 0)
            {
                continue;
            }

            var e = PmdReference.Error(form, meter[k], reference[k]);
            if (!double.IsFinite(e))
            {
                return (double.NaN, reference[k], meter[k], k);
            }

            if (double.IsNaN(worst.Error) || Math.Abs(e) > Math.Abs(worst.Error))
            {
                worst = (e, reference[k], meter[k], k);
            }
        }

        return worst;
    }

    private static string ValueUnit(PmdFunction function) => function switch
    {
        PmdFunction.Frequency => "Hz",
        PmdFunction.Voltage => "V",
        PmdFunction.Current or PmdFunction.NeutralCurrent => "A",
        PmdFunction.ActivePower => "W",
        PmdFunction.ReactivePower => "var",
        PmdFunction.ApparentPower => "VA",
        PmdFunction.PowerFactor => "PF",
        _ => "%",
    };

    private static string Values(IEnumerable<double> values) =>
        string.Join(" / ", values.Select(v => v.ToString("0.#####", CultureInfo.InvariantCulture)));

    private static string NoUncertaintyNote(Verdict verdict, double? expanded) =>
        verdict == Verdict.Incomplete && expanded is null ? "; no uncertainty is stated for this comparison, so the guard band of the decision rule is unknown" : "";

    private static string ReferenceNote(PmdFunction function, string? thdMeasuredBy) => function switch
    {
        PmdFunction.VoltageThd or PmdFunction.CurrentThd when thdMeasuredBy is not null => $"; reference: measured by {thdMeasuredBy}",
        PmdFunction.VoltageThd or PmdFunction.CurrentThd => "; reference: the harmonic content the source is set to (the reference standard measures no THD)",
        PmdFunction.NeutralCurrent => "; reference: the reference's phase currents summed at the source's set angles",
        _ => "",
    };
}
