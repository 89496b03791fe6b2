using Bench.Core.Quantities;
using Bench.Dut.Meter;
using Bench.Instruments.Roles;
using Bench.Plans.Model;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// The bench's basic measurement: set the source, settle, then gate energy on the reference standard and the meter's
/// register (symmetric gate: meter, reference start … reference stop, meter, so the read latencies cancel) as many
/// times as the plan repeats. A missing piece of evidence returns its reason instead of a number.
/// </summary>
public sealed class EnergyComparison(BenchConnections bench)
{
    public async Task<(GateSeries? Gates, string? Problem)> MeasureAsync(TestPlan plan, ThreePhaseSetpoint setpoint, double limitPercent, bool reactive, DutRatings ratings, CancellationToken ct)
    {
        await bench.Source.ApplyAsync(setpoint, ct);
        await bench.Clock.WaitAsync(plan.Settle, ct);

        // Capacitive reactive energy (quadrant IV) is negative q for the reference and the "received" register of the meter.
        var received = reactive && setpoint.Phases.Any(p => p.CurrentA > 0 && Lead(p) > 0);
        var present = await bench.Reference.MeasureAsync(ct);
        var power = reactive ? (received ? -1 : 1) * present.TotalReactivePowerVar : present.TotalActivePowerW;
        if (!(power > 0))
        {
            return (null, $"the reference standard measures no {(reactive ? "reactive" : "active")} power ({power:0.###} {(reactive ? "var" : "W")}) at this point");
        }

        (IPulseCounter? Counter, double WhPerPulse, string? Problem)? pulses = plan.EnergyMethod == "pulse" ? PulseMethod(reactive, ratings) : null;
        if (pulses is { Problem: { } pulseProblem })
        {
            return (null, pulseProblem);
        }

        var errors = new List<double>(plan.Repeats);
        double referenceTotal = 0, meterTotal = 0, durationS = 0, resolution = 0;
        for (var repeat = 0; repeat < plan.Repeats; repeat++)
        {
            if (pulses is { Counter: { } counter, WhPerPulse: var whPerPulse })
            {
                // Pulse method: the reference gates its own energy and counts the meter's pulses over the same gate.
                await counter.StartPulseCountAsync(ct);
                await bench.Reference.StartEnergyAsync(ct);
                await bench.Clock.WaitAsync(GateLength(plan, limitPercent, whPerPulse, power), ct);
                var gated = await bench.Reference.StopEnergyAsync(ct);
                var counted = await counter.ReadPulseCountAsync(ct);
                if (!(gated.ActiveEnergyWh > 0))
                {
                    return (null, $"the reference standard integrated no energy ({gated.ActiveEnergyWh:0.###})");
                }

                var meterWh = counted * whPerPulse;
                errors.Add((meterWh - gated.ActiveEnergyWh) / gated.ActiveEnergyWh * 100);
                referenceTotal += gated.ActiveEnergyWh;
                meterTotal += meterWh;
                durationS = gated.DurationS;
                resolution = whPerPulse;
                continue;
            }

            var before = await bench.Meter.ReadSnapshotAsync(ct);
            await bench.Reference.StartEnergyAsync(ct);
            await bench.Clock.WaitAsync(GateLength(plan, limitPercent, before.EnergyResolutionWh, power), ct);
            var reference = await bench.Reference.StopEnergyAsync(ct);
            var after = await bench.Meter.ReadSnapshotAsync(ct);

            var referenceEnergy = reactive ? (received ? -1 : 1) * reference.ReactiveEnergyVarh : reference.ActiveEnergyWh;
            var (start, end) = Register(before, after, reactive, received);
            if (start is null || end is null)
            {
                return (null, $"the meter's profile maps no reactive-energy {(received ? "received" : "delivered")} register");
            }

            if (!(referenceEnergy > 0))
            {
                return (null, $"the reference standard integrated no energy ({referenceEnergy:0.###})");
            }

            // Active energy crosses one rollover of the counter when the profile gives it; otherwise a register that
            // goes backwards is a fault (InstrumentFaultException: the point becomes INCOMPLETE).
            var registered = reactive ? end.Value - start.Value : EnergyDelta.ActiveWh(before, after, bench.Meter.Resource);
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

    /// <summary>The reference's pulse counter and the energy of one meter pulse, or why the pulse method cannot run.</summary>
    private (IPulseCounter? Counter, double WhPerPulse, string? Problem) PulseMethod(bool reactive, DutRatings ratings)
    {
        if (reactive)
        {
            return (null, 0, "the pulse method is implemented for active energy only");
        }

        if (ratings.PulseConstantImpPerKwh is not { } k || k <= 0)
        {
            return (null, 0, "the DUT profile gives no pulse-output meter constant");
        }

        return bench.Reference is IPulseCounter { SupportsPulseCounting: true } counter
            ? (counter, 1000 / k, null)
            : (null, 0, "the reference standard cannot count pulses (no 'pulse' section in its profile)");
    }

    private static (double? Start, double? End) Register(MeterSnapshot before, MeterSnapshot after, bool reactive, bool received) => (reactive, received) switch
    {
        (true, true) => (before.ReactiveEnergyReceivedVarh, after.ReactiveEnergyReceivedVarh),
        (true, false) => (before.ReactiveEnergyDeliveredVarh, after.ReactiveEnergyDeliveredVarh),
        _ => (before.ActiveEnergyDeliveredWh, after.ActiveEnergyDeliveredWh),
    };

    /// <summary>How far the current leads its voltage, in degrees (−180…180): positive for a capacitive load.</summary>
    private static double Lead(PhaseSetpoint p)
    {
        var lead = (p.CurrentAngleDeg - p.VoltageAngleDeg) % 360;
        return lead > 180 ? lead - 360 : lead <= -180 ? lead + 360 : lead;
    }

    /// <summary>Long enough that the meter's register step is at most the plan's fraction of the limit (energy-accuracy.md §10).</summary>
    private static TimeSpan GateLength(TestPlan plan, double limitPercent, double resolutionWh, double power)
    {
        var neededWh = Math.Max(resolutionWh, 0) / (plan.ResolutionFractionOfLimit * limitPercent / 100);
        var gate = TimeSpan.FromSeconds(Math.Ceiling(neededWh / power * 3600));
        return gate < plan.MinimumGate ? plan.MinimumGate : gate > plan.MaximumGate ? plan.MaximumGate : gate;
    }
}
