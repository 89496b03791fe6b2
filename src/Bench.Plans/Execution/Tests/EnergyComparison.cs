using Bench.Core.Quantities;
using Bench.Dut.Meter;
using Bench.Plans.Model;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// The bench's basic measurement: set the source, settle, then gate energy on the reference standard and the meter's
/// register (symmetric gate: meter, reference start … reference stop, meter, so the read latencies cancel) as many
/// times as the plan repeats. A missing piece of evidence returns its reason instead of a number.
/// </summary>
public sealed class EnergyComparison(BenchConnections bench)
{
    public async Task<(GateSeries? Gates, string? Problem)> MeasureAsync(TestPlan plan, ThreePhaseSetpoint setpoint, double limitPercent, bool reactive, CancellationToken ct)
    {
        await bench.Source.ApplyAsync(setpoint, ct);
        await bench.Clock.WaitAsync(plan.Settle, ct);

        var present = await bench.Reference.MeasureAsync(ct);
        var power = reactive ? present.TotalReactivePowerVar : present.TotalActivePowerW;
        if (!(power > 0))
        {
            return (null, $"the reference standard measures no {(reactive ? "reactive" : "active")} power ({power:0.###} {(reactive ? "var" : "W")}) at this point");
        }

        var errors = new List<double>(plan.Repeats);
        double referenceTotal = 0, meterTotal = 0, durationS = 0, resolution = 0;
        for (var repeat = 0; repeat < plan.Repeats; repeat++)
        {
            var before = await bench.Meter.ReadSnapshotAsync(ct);
            await bench.Reference.StartEnergyAsync(ct);
            await bench.Clock.WaitAsync(GateLength(plan, limitPercent, before.EnergyResolutionWh, power), ct);
            var reference = await bench.Reference.StopEnergyAsync(ct);
            var after = await bench.Meter.ReadSnapshotAsync(ct);

            var referenceEnergy = reactive ? reference.ReactiveEnergyVarh : reference.ActiveEnergyWh;
            var (start, end) = Register(before, after, reactive);
            if (start is null || end is null)
            {
                return (null, "the meter's profile maps no reactive-energy register");
            }

            if (!(referenceEnergy > 0))
            {
                return (null, $"the reference standard integrated no energy ({referenceEnergy:0.###})");
            }

            var registered = end.Value - start.Value;
            if (registered < 0)
            {
                return (null, $"the meter's energy register went backwards ({start:0.###} → {end:0.###}): rollover or reset");
            }

            errors.Add((registered - referenceEnergy) / referenceEnergy * 100);
            referenceTotal += referenceEnergy;
            meterTotal += registered;
            durationS = reference.DurationS;
            resolution = Math.Max(before.EnergyResolutionWh, after.EnergyResolutionWh);
        }

        return (new GateSeries(errors, referenceTotal, meterTotal, durationS, resolution), null);
    }

    private static (double? Start, double? End) Register(MeterSnapshot before, MeterSnapshot after, bool reactive) => reactive
        ? (before.ReactiveEnergyDeliveredVarh, after.ReactiveEnergyDeliveredVarh)
        : (before.ActiveEnergyDeliveredWh, after.ActiveEnergyDeliveredWh);

    /// <summary>Long enough that the meter's register step is at most the plan's fraction of the limit (energy-accuracy.md §10).</summary>
    private static TimeSpan GateLength(TestPlan plan, double limitPercent, double resolutionWh, double power)
    {
        var neededWh = Math.Max(resolutionWh, 0) / (plan.ResolutionFractionOfLimit * limitPercent / 100);
        var gate = TimeSpan.FromSeconds(Math.Ceiling(neededWh / power * 3600));
        return gate < plan.MinimumGate ? plan.MinimumGate : gate > plan.MaximumGate ? plan.MaximumGate : gate;
    }
}
