using System.Globalization;

using Bench.Core.Results;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Instruments.Drivers;
using Bench.Plans.Model;
using Bench.Standards.Decisions;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Short-term flicker Pst (IEC 61000-4-30 §5.3 with IEC 61000-4-15; IEC 62586-2 flicker test states): the source
/// modulates every phase voltage rectangularly at the point's changes per minute and ΔU/U, the bench waits for one
/// complete clock-aligned 10-minute interval of the steady modulation (virtual time on the virtual bench), then reads
/// the meter's Pst registers (<c>pst_voltage_an/bn/cn</c>), worst phase deciding, against the IEC 61000-4-15 Table 5
/// value (Pst = 1.000 for the table's rows) within ±5 % of reading. No Pst register, no modulating source or no
/// tabulated Pst: INCOMPLETE before anything is energized.
/// </summary>
public sealed class FlickerTest(PointRunContext context) : IPointTestRunner
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);
    private static readonly MeterQuantity[] PstRegisters = [MeterQuantity.PstVoltageAN, MeterQuantity.PstVoltageBN, MeterQuantity.PstVoltageCN];

    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var bench = context.Bench;
        if (bench.Meter is not ModbusMeter meter)
        {
            return context.Incomplete(plan, point, "the meter is not read through a Modbus register map: Pst cannot be read");
        }

        if (meter.Profile.PerPhaseRegisters(PstRegisters) is not { } points)
        {
            return context.Incomplete(plan, point, $"not supported: the meter's profile ({meter.Profile.Name}) maps no Pst register for every phase (pst_voltage_an/bn/cn); the PM8000 map documents none either (pm8000-map.md §3, §5)");
        }

        if (bench.Source is not ProfileSource source)
        {
            return context.Incomplete(plan, point, "the source is not driven through an instrument profile: it has no flicker modulation");
        }

        if (!source.SupportsFlicker)
        {
            return context.Incomplete(plan, point, $"the source's profile ({source.Profile.Name}) has no set_voltage_flicker command: it cannot modulate the voltage");
        }

        var (cpm, deltaU) = point.Plan.Stimulus.Flicker!.Value;
        var column = FlickerTable5.Column(point.Ratings.NominalVoltageV, point.Ratings.NominalFrequencyHz);
        if (FlickerTable5.ExpectedPst(cpm, deltaU, point.Ratings.NominalVoltageV, point.Ratings.NominalFrequencyHz) is not { } expected)
        {
            return context.Incomplete(plan, point, string.Create(CultureInfo.InvariantCulture, $"no reference Pst: {cpm:0.###} changes/min at ΔU/U = {deltaU:0.###} % is not a row of IEC 61000-4-15 Ed.2 Table 5 ({column})"));
        }

        await bench.Source.ApplyAsync(point.Setpoint, cancellationToken);
        await source.SetFlickerAsync(cpm, deltaU, cancellationToken);
        var started = bench.Clock.Now;
        // The meter's 10-minute intervals are clock-aligned (IEC 61000-4-30 §4.5): the first whole one starts at the
        // next boundary after the modulation began.
        var boundary = new DateTimeOffset(started.UtcTicks - (started.UtcTicks % Interval.Ticks), TimeSpan.Zero) + Interval;
        await bench.Clock.WaitAsync(boundary + Interval + Margin - started, cancellationToken);
        var values = await meter.ReadValuesAsync(points, cancellationToken);
        await source.SetFlickerAsync(cpm, 0, cancellationToken);
        var readings = points.Select(p => values[p]).ToList();
        if (readings.Any(v => !double.IsFinite(v)))
        {
            return context.Incomplete(plan, point, "the meter's Pst register reads 'not available' after a complete 10-minute interval");
        }

        var worst = readings.OrderByDescending(m => Math.Abs(m - expected)).First();
        var error = (worst - expected) / expected * 100;
        var verdict = DecisionRules.Decide(context.Rule, error, point.LimitPercent, null);
        return context.Result(plan, point, null, null, error, verdict) with
        {
            Setpoint = point.Description with { Phases = "flicker" },
            ErrorUnit = point.LimitUnit,
            ReferenceValue = expected,
            MeterValue = worst,
            ValueUnit = "Pst",
            Repeats = 1,
            Reason = string.Create(CultureInfo.InvariantCulture, $"Pst: meter {worst:0.####} (worst of {string.Join(", ", readings.Select(r => r.ToString("0.####", CultureInfo.InvariantCulture)))}), expected {expected:0.000}; reference: IEC 61000-4-15 Ed.2 Table 5, rectangular {cpm:0.###} changes/min at ΔU/U = {deltaU:0.###} % gives Pst = 1.00 ({column}); one 10-minute interval {boundary:HH:mm}–{boundary + Interval:HH:mm} UTC; budget: none stated (one interval, the source's modulation accuracy is not in its profile)"),
        };
    }
}
