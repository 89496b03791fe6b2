using System.Globalization;

using Bench.Core.Quantities;
using Bench.Core.Results;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Instruments.Drivers;
using Bench.Plans.Model;
using Bench.Standards.Decisions;
using Bench.Standards.Limits;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Voltage THD (IEC 61000-4-30 §5.8 with IEC 61000-4-7): the source adds the point's harmonics to every phase, the
/// meter's THD registers are read repeat by repeat, worst phase deciding. The reference is the programmed spectrum,
/// THD = √Σ(Uh/U1)² over orders 2…40 (the reference standard's profile reports no harmonics). Judged like a Class I
/// harmonic voltage: ±5 % of reading where the distortion voltage THD·U1 is ≥ 1 % Unom, else ±0.05 % Unom.
/// </summary>
public sealed class HarmonicDistortionTest(PointRunContext context) : IPointTestRunner
{
    private const int MaxOrder = 40;

    private static readonly MeterQuantity[] ThdRegisters = [MeterQuantity.ThdVoltageAN, MeterQuantity.ThdVoltageBN, MeterQuantity.ThdVoltageCN];

    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var bench = context.Bench;
        if (bench.Meter is not ModbusMeter meter)
        {
            return context.Incomplete(plan, point, "the meter is not read through a Modbus register map: THD cannot be read");
        }

        if (meter.Profile.PerPhaseRegisters(ThdRegisters) is not { } points)
        {
            return context.Incomplete(plan, point, "the meter's profile maps no voltage THD register for every phase (thd_voltage_an/bn/cn)");
        }

        if (bench.Source is ProfileSource { Profile: var sourceProfile } && sourceProfile.Command("set_voltage_harmonic") is null)
        {
            return context.Incomplete(plan, point, $"the source's profile ({sourceProfile.Name}) has no set_voltage_harmonic command: it cannot make a distorted voltage");
        }

        var harmonics = point.Plan.Stimulus.VoltageHarmonics;
        var setpoint = point.Setpoint with
        {
            // Each order keeps the phase sequence of its fundamental (h × the phase's angle).
            Phases = point.Setpoint.Phases.Select(p => p with { VoltageHarmonics = harmonics.Select(h => h with { AngleDeg = h.Order * p.VoltageAngleDeg }).ToList() }).ToList(),
        };
        var referenceThd = Math.Sqrt(harmonics.Where(h => h.Order <= MaxOrder).Sum(h => h.PercentOfFundamental * h.PercentOfFundamental));
        var fundamental = setpoint.Phases[0].VoltageV;
        var nominal = point.Ratings.NominalVoltageV;
        var distortionPercentOfNominal = referenceThd / 100 * fundamental / nominal * 100;
        var (limit, unit) = PowerQualityHarmonicLimit.For(distortionPercentOfNominal);

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

            var values = await meter.ReadValuesAsync(points, cancellationToken);
            var worst = points.Select(p => values[p]).OrderByDescending(m => Math.Abs(m - referenceThd)).First();
            if (!double.IsFinite(worst))
            {
                return context.Incomplete(plan, point, "the meter's THD register reads 'not available'");
            }

            // % of reading relative to the THD itself; % of Unom via the distortion voltage THD·U1.
            errors.Add(unit == "% of reading" ? (worst - referenceThd) / referenceThd * 100 : (worst - referenceThd) * fundamental / nominal);
            meterSum += worst;
        }

        var mean = errors.Average();
        var budget = new UncertaintyBudget(errors.Count >= 2 ? [UncertaintyComponent.Repeatability($"Repeatability, {errors.Count} readings (Type A)", errors)] : []);
        var expanded = budget.ExpandedPercent > 0 ? budget.ExpandedPercent : (double?)null;
        var verdict = DecisionRules.Decide(context.Rule, mean, limit, expanded);
        var spectrum = string.Join(", ", harmonics.Select(h => string.Create(CultureInfo.InvariantCulture, $"h{h.Order} {h.PercentOfFundamental:0.###} %")));
        return context.Result(plan, point, null, null, mean, verdict) with
        {
            Setpoint = point.Description with { Phases = "voltage THD" },
            LimitPercent = limit,
            ErrorUnit = unit,
            LimitSource = PowerQualityHarmonicLimit.Source(thd: true),
            ReferenceValue = referenceThd,
            MeterValue = meterSum / errors.Count,
            ValueUnit = "% THD",
            Repeats = errors.Count,
            UncertaintyPercent = expanded,
            CoverageFactor = expanded is null ? null : budget.CoverageFactor,
            Tur = expanded is null ? null : budget.Tur(limit),
            Budget = PowerQualityTest.Contributions(budget),
            Reason = string.Create(CultureInfo.InvariantCulture, $"voltage THD: meter {meterSum / errors.Count:0.####} %, reference {referenceThd:0.####} % ({spectrum} on every phase; distortion {distortionPercentOfNominal:0.###} % Unom); reference: the programmed spectrum (the reference standard's profile reports no harmonics); budget: Type A spread only, the source's harmonic amplitude accuracy is not in its profile"),
        };
    }
}
