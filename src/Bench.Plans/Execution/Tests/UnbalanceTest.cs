using System.Globalization;

using Bench.Core.Results;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Instruments.Drivers;
using Bench.Plans.Model;
using Bench.Standards.Decisions;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Voltage unbalance u2 (IEC 61000-4-30 §5.7, IEC 62586-2 test states): the source adds a negative-sequence voltage
/// of u2 % to the balanced setting, the meter's u2 register (<c>voltage_unbalance_u2</c>) is read repeat by repeat
/// and compared in percentage points with the reference. The reference standard's profile reports no phase angles,
/// so the reference is the analytic u2 of the programmed phasors (symmetrical components); the result says so. A
/// meter whose profile maps no u2 (the PM8000's map has none) ends INCOMPLETE before anything is energized.
/// </summary>
public sealed class UnbalanceTest(PointRunContext context) : IPointTestRunner
{
    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var bench = context.Bench;
        if (bench.Meter is not ModbusMeter meter)
        {
            return context.Incomplete(plan, point, "the meter is not read through a Modbus register map: u2 cannot be read");
        }

        if (meter.Profile.Registers.GetValueOrDefault(MeterQuantity.VoltageUnbalanceU2) is not { } register)
        {
            return context.Incomplete(plan, point, $"not supported: the meter's profile ({meter.Profile.Name}) maps no voltage_unbalance_u2 register; "
                + "the PM8000 map documents no u2 register either (pm8000-map.md §3: its voltage_unbalance_ln, register 3052 'L-N worst', "
                + "is an amplitude-only deviation-from-average figure, which IEC 61557-12 Unba points compare, not u2 = U2/U1)");
        }

        if (bench.Source is ProfileSource { Profile: var sourceProfile }
            && sourceProfile.Command("set_voltage_angle") is null
            && sourceProfile.Command("set_voltage")?.Placeholders.Contains("angle") != true)
        {
            return context.Incomplete(plan, point, $"the source's profile ({sourceProfile.Name}) sets no voltage angle: it cannot make a negative-sequence voltage");
        }

        var setpoint = NegativeSequenceSetpoint.For(point.Setpoint, point.Plan.Stimulus.UnbalancePercent ?? 0);
        var (_, reference) = NegativeSequenceSetpoint.Analytic(setpoint);
        await bench.Source.ApplyAsync(setpoint, cancellationToken);
        await bench.Clock.WaitAsync(plan.Settle, cancellationToken);
        var errors = new List<double>(plan.Repeats);
        double meterSum = 0;
        for (var repeat = 0; repeat < plan.Repeats; repeat++)
        {
            if (repeat > 0)
            {
                await bench.Clock.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            }

            var value = (await meter.ReadValuesAsync([register], cancellationToken))[register];
            if (!double.IsFinite(value))
            {
                return context.Incomplete(plan, point, $"the meter's u2 register {register.Number} reads 'not available'");
            }

            errors.Add(value - reference);
            meterSum += value;
        }

        var mean = errors.Average();
        var budget = new UncertaintyBudget(errors.Count >= 2 ? [UncertaintyComponent.Repeatability($"Repeatability, {errors.Count} readings (Type A)", errors)] : []);
        var expanded = budget.ExpandedPercent > 0 ? budget.ExpandedPercent : (double?)null;
        var verdict = DecisionRules.Decide(context.Rule, mean, point.LimitPercent, expanded);
        var phases = string.Join(", ", setpoint.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.VoltageV:0.###} V ∠{p.VoltageAngleDeg:0.###}°")));
        return context.Result(plan, point, null, null, mean, verdict) with
        {
            Setpoint = point.Description with { Phases = "voltage unbalance" },
            ErrorUnit = point.LimitUnit,
            ReferenceValue = reference,
            MeterValue = meterSum / errors.Count,
            ValueUnit = "% u2",
            Repeats = errors.Count,
            UncertaintyPercent = expanded,
            CoverageFactor = expanded is null ? null : budget.CoverageFactor,
            Tur = expanded is null ? null : budget.Tur(point.LimitPercent),
            Budget = PowerQualityTest.Contributions(budget),
            Reason = string.Create(CultureInfo.InvariantCulture, $"u2: meter {meterSum / errors.Count:0.####} % ({register.Name}, {register.Number}), reference {reference:0.####} %; reference: the analytic u2 = U2/U1 of the programmed phasors ({phases}), the reference standard's profile reports no phase angles; budget: Type A spread only, the source's amplitude and angle accuracy is not in its profile"),
        };
    }
}
