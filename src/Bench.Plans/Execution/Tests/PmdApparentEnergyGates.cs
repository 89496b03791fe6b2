using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Instruments.Roles;
using Bench.Plans.Model;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Energy gates for EapA: set the source, settle, then gate the reference's apparent energy against the meter's
/// apparent_delivered register (symmetric gate: meter, reference start … reference stop, meter) as many times as the
/// plan repeats. Needs a reference that integrates VAh (<see cref="IApparentEnergyReference"/>) and a Modbus meter
/// whose profile maps the register; otherwise it returns why not.
/// </summary>
public sealed class PmdApparentEnergyGates(BenchConnections bench)
{
    public async Task<(GateSeries? Gates, string? Problem)> MeasureAsync(TestPlan plan, ResolvedPoint point, CancellationToken ct)
    {
        if (bench.Meter is not ModbusMeter modbus || modbus.Profile.Energy(EnergyQuantity.ApparentDelivered) is not { } counter)
        {
            return (null, "the meter's profile maps no apparent_delivered energy register");
        }

        if (bench.Reference is not IApparentEnergyReference { SupportsApparentEnergy: true })
        {
            return (null, "the reference standard integrates active and reactive energy only (its profile names no VAH energy field): apparent energy cannot be judged on this bench");
        }

        await bench.Source.ApplyAsync(point.Setpoint, ct);
        await bench.Clock.WaitAsync(plan.Settle, ct);
        var present = await bench.Reference.MeasureAsync(ct);
        var power = present.TotalApparentPowerVA;
        if (!(power > 0))
        {
            return (null, FormattableString.Invariant($"the reference standard measures no apparent power ({power:0.###} VA) at this point"));
        }

        var errors = new List<double>(plan.Repeats);
        double referenceTotal = 0, meterTotal = 0, durationS = 0;
        var resolution = Resolution(counter.Point);
        for (var repeat = 0; repeat < plan.Repeats; repeat++)
        {
            var before = await ReadAsync(modbus, counter.Point, ct);
            await bench.Reference.StartEnergyAsync(ct);
            await bench.Clock.WaitAsync(GateLength(plan, point.LimitPercent, resolution, power), ct);
            var reference = await bench.Reference.StopEnergyAsync(ct);
            var after = await ReadAsync(modbus, counter.Point, ct);
            var referenceVAh = reference.ApparentEnergyVAh;
            if (!(referenceVAh > 0))
            {
                return (null, FormattableString.Invariant($"the reference standard integrated no apparent energy ({referenceVAh:0.###} VAh)"));
            }

            var registered = after - before;
            if (!double.IsFinite(registered) || registered < 0)
            {
                return (null, FormattableString.Invariant($"the meter's apparent energy register went backwards or reads 'not available' ({before:0.###} → {after:0.###}): rollover or reset"));
            }

            errors.Add((registered - referenceVAh) / referenceVAh * 100);
            referenceTotal += referenceVAh;
            meterTotal += registered;
            durationS = reference.DurationS;
        }

        return (new GateSeries(errors, referenceTotal, meterTotal, durationS, resolution), null);
    }

    private static async Task<double> ReadAsync(ModbusMeter meter, RegisterPoint point, CancellationToken ct) =>
        (await meter.ReadValuesAsync([point], ct))[point];

    /// <summary>The register's step in VAh: its scale for an integer register; a float32's step is taken at 1e6 VAh (conservative for a gate).</summary>
    private static double Resolution(RegisterPoint point)
    {
        var unit = Math.Abs(point.Scale) * UnitConversion.ToBase(point.Unit);
        if (point.Type != RegisterType.Float32)
        {
            return unit;
        }

        var x = (float)(1e6 / unit);
        return unit * (MathF.BitIncrement(x) - x);
    }

    /// <summary>Long enough that the register's step is at most the plan's fraction of the limit (as for Ea and ErA gates).</summary>
    private static TimeSpan GateLength(TestPlan plan, double limitPercent, double resolutionVAh, double powerVA)
    {
        var needed = Math.Max(resolutionVAh, 0) / (plan.ResolutionFractionOfLimit * limitPercent / 100);
        var gate = TimeSpan.FromSeconds(Math.Ceiling(needed / powerVA * 3600));
        return gate < plan.MinimumGate ? plan.MinimumGate : gate > plan.MaximumGate ? plan.MaximumGate : gate;
    }
}
