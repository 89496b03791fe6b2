using System.Globalization;

using Bench.Core.Quantities;
using Bench.Core.Results;
using Bench.Plans.Model;
using Bench.Standards.Decisions;
using Bench.Standards.Limits;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// An IEC 61000-4-30 parameter as IEC 62586-2 tests it: the source sets the test state, then the meter's 10/12-cycle
/// reading is compared with the reference standard's, repeat by repeat. Frequency errors are in mHz, voltage and current
/// errors in percent of the nominal (Udin, In), the worst phase deciding. The budget holds the Type A spread and, for
/// IEC 61000-4-30 points, the reference's accuracy for the parameter where its instrument profile states one; the
/// result says which. Events, THD, u2, Pst, single harmonic orders (from the meter's waveform records) and the parameters the
/// meter's map lacks go to their own runners.
/// </summary>
public sealed class PowerQualityTest(PointRunContext context) : IPointTestRunner
{
    public Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var parameter = point.Plan.Parameter!.Value;
        if (parameter == PowerQualityParameter.VoltageHarmonic)
        {
            // No meter map has per-harmonic registers: the order comes from the meter's waveform record, where it has one.
            return new HarmonicOrderTest(context).RunAsync(plan, point, cancellationToken);
        }

        if (UnsupportedPowerQualityParameter.Reason(parameter) is { } reason)
        {
            return Task.FromResult(context.Incomplete(plan, point, reason));
        }

        return parameter switch
        {
            PowerQualityParameter.VoltageEvents => new VoltageEventTest(context).RunAsync(plan, point, cancellationToken),
            PowerQualityParameter.VoltageThd => new HarmonicDistortionTest(context).RunAsync(plan, point, cancellationToken),
            PowerQualityParameter.Unbalance => new UnbalanceTest(context).RunAsync(plan, point, cancellationToken),
            PowerQualityParameter.Flicker => new FlickerTest(context).RunAsync(plan, point, cancellationToken),
            _ => RunMagnitudeAsync(plan, point, cancellationToken),
        };
    }

    /// <summary>The budget's lines as the certificate lists them.</summary>
    internal static List<UncertaintyContribution> Contributions(UncertaintyBudget budget) =>
        budget.Components.Select(c => new UncertaintyContribution(c.Name, c.Type, c.Distribution.ToString().ToLowerInvariant(), c.StatedPercent, c.StandardUncertaintyPercent)).ToList();

    private async Task<PointResult> RunMagnitudeAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var bench = context.Bench;
        await bench.Source.ApplyAsync(point.Setpoint, cancellationToken);
        await bench.Clock.WaitAsync(plan.Settle, cancellationToken);
        var parameter = point.Plan.Parameter!.Value;
        var errors = new List<double>(plan.Repeats);
        double referenceSum = 0, meterSum = 0;
        for (var repeat = 0; repeat < plan.Repeats; repeat++)
        {
            if (repeat > 0)
            {
                await bench.Clock.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            }

            var reference = await bench.Reference.MeasureAsync(cancellationToken);
            var meter = (await bench.Meter.ReadSnapshotAsync(cancellationToken)).Instantaneous;
            if (meter is null)
            {
                return context.Incomplete(plan, point, "the meter's profile maps no instantaneous values");
            }

            var (error, referenceValue, meterValue) = Compare(parameter, reference, meter, point.Ratings);
            if (!double.IsFinite(error))
            {
                return context.Incomplete(plan, point, $"no {Name(parameter)} reading to compare (reference {referenceValue}, meter {meterValue})");
            }

            errors.Add(error);
            referenceSum += referenceValue;
            meterSum += meterValue;
        }

        var mean = errors.Average();
        var components = new List<UncertaintyComponent>();
        var notes = new List<string>();
        if (errors.Count >= 2)
        {
            components.Add(UncertaintyComponent.Repeatability($"Repeatability, {errors.Count} readings (Type A)", errors));
            notes.Add($"Type A spread of {errors.Count} readings");
        }

        if (plan.Quantity == "power-quality")
        {
            var nominal = parameter == PowerQualityParameter.Current ? point.Ratings.NominalCurrentA : point.Ratings.NominalVoltageV;
            var (reference, note) = ReferenceMagnitudeUncertainty.For(bench.Reference, parameter, referenceSum / errors.Count, nominal, point.LimitUnit);
            components.AddRange(reference is null ? [] : [reference]);
            notes.Add(note);
        }

        var budget = new UncertaintyBudget(components);
        // A spread of exactly zero (a deterministic simulator) is no evidence of zero uncertainty: then U stays unstated.
        var expanded = budget.ExpandedPercent > 0 ? budget.ExpandedPercent : (double?)null;
        var verdict = DecisionRules.Decide(context.Rule, mean, point.LimitPercent, expanded);
        var unit = parameter switch { PowerQualityParameter.Frequency => "Hz", PowerQualityParameter.Voltage => "V", _ => "A" };
        return context.Result(plan, point, null, null, mean, verdict) with
        {
            ErrorUnit = point.LimitUnit,
            ReferenceValue = referenceSum / errors.Count,
            MeterValue = meterSum / errors.Count,
            ValueUnit = unit,
            Repeats = errors.Count,
            UncertaintyPercent = expanded,
            CoverageFactor = expanded is null ? null : budget.CoverageFactor,
            Tur = expanded is null ? null : budget.Tur(point.LimitPercent),
            Budget = components.Count == 0 ? null : Contributions(budget),
            Reason = string.Create(CultureInfo.InvariantCulture, $"{Name(parameter)}: meter {meterSum / errors.Count:0.#####} {unit}, reference {referenceSum / errors.Count:0.#####} {unit}; error in {point.LimitUnit}; budget: {(notes.Count == 0 ? "none" : string.Join("; ", notes))}"),
        };
    }

    private static string Name(PowerQualityParameter parameter) => parameter.ToString().ToLowerInvariant();

    /// <summary>The error in the limit's unit, and the two readings (for voltage and current: of the worst phase).</summary>
    private static (double Error, double Reference, double Meter) Compare(PowerQualityParameter parameter, ThreePhaseMeasurement reference, ThreePhaseMeasurement meter, DutRatings ratings)
    {
        if (parameter == PowerQualityParameter.Frequency)
        {
            var deviation = meter.FrequencyHz - reference.FrequencyHz;
            return (deviation * 1000, reference.FrequencyHz, meter.FrequencyHz);
        }

        var nominal = parameter == PowerQualityParameter.Voltage ? ratings.NominalVoltageV : ratings.NominalCurrentA;
        var worst = (Error: double.NaN, Reference: double.NaN, Meter: double.NaN);
        for (var k = 0; k < Math.Min(reference.Phases.Count, meter.Phases.Count); k++)
        {
            var r = parameter == PowerQualityParameter.Voltage ? reference.Phases[k].VoltageRmsV : reference.Phases[k].CurrentRmsA;
            var m = parameter == PowerQualityParameter.Voltage ? meter.Phases[k].VoltageRmsV : meter.Phases[k].CurrentRmsA;
            var e = (m - r) / nominal * 100;
            if (double.IsNaN(worst.Error) || Math.Abs(e) > Math.Abs(worst.Error))
            {
                worst = (e, r, m);
            }
        }

        return worst;
    }
}
