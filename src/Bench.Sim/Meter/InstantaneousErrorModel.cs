using Bench.Core.Quantities;
using Bench.Dsp.Power;
using Bench.Dut.Profiles;
using Bench.Modbus.Data;

namespace Bench.Sim.Meter;

/// <summary>
/// What the simulated meter shows for its instantaneous readings, given what it observes: gains on U, I, IN, f, P, Q, S
/// (percent of reading), an offset on every PF (absolute), offsets on THD, voltage unbalance and u2/u0 (percentage points).
/// The readings a measurement record does not carry (total PF with its offset, IN, unbalance) come from
/// <see cref="ExtraReadings"/>.
/// </summary>
public sealed class InstantaneousErrorModel(InstantaneousErrors errors)
{
    public InstantaneousErrors Errors => errors;

    public ThreePhaseMeasurement Apply(ThreePhaseMeasurement m)
    {
        var (p, q, s) = (Gain(errors.ActivePowerPercent), Gain(errors.ReactivePowerPercent), Gain(errors.ApparentPowerPercent));
        var phases = m.Phases.Select(x => x with
        {
            VoltageRmsV = x.VoltageRmsV * Gain(errors.VoltagePercent),
            CurrentRmsA = x.CurrentRmsA * Gain(errors.CurrentPercent),
            ActivePowerW = x.ActivePowerW * p,
            ReactivePowerVar = x.ReactivePowerVar * q,
            ApparentPowerVA = x.ApparentPowerVA * s,
            PowerFactor = Offset(x.PowerFactor * p / s),
        }).ToList();
        return new ThreePhaseMeasurement(phases, m.FrequencyHz * Gain(errors.FrequencyPercent));
    }

    /// <summary>
    /// Total PF (encoded 4Q_FP_PF), neutral current, L-N voltage unbalance and u2/u0 as the meter shows them. IN is the
    /// vector sum of the observed phase currents at the angles the grid puts out (fundamental only); u2 and u0 come from
    /// the shown voltages at those angles.
    /// </summary>
    public IReadOnlyDictionary<MeterQuantity, double> ExtraReadings(ThreePhaseMeasurement observed, ThreePhaseMeasurement shown, ThreePhaseSetpoint output)
    {
        var totalPf = Offset(shown.TotalPowerFactor);
        var leading = shown.TotalActivePowerW * shown.TotalReactivePowerVar < 0;
        double re = 0, im = 0;
        for (var k = 0; k < Math.Min(observed.Phases.Count, output.Phases.Count); k++)
        {
            var angle = output.Phases[k].CurrentAngleDeg * Math.PI / 180;
            re += observed.Phases[k].CurrentRmsA * Math.Cos(angle);
            im += observed.Phases[k].CurrentRmsA * Math.Sin(angle);
        }

        var (u0, u2) = SequencePercent(shown, output);

        return new Dictionary<MeterQuantity, double>
        {
            [MeterQuantity.PowerFactorTotal] = FourQuadrantPowerFactor.Encode(totalPf, leading),
            [MeterQuantity.CurrentN] = Math.Sqrt((re * re) + (im * im)) * Gain(errors.NeutralCurrentPercent),
            [MeterQuantity.VoltageUnbalanceLN] = Math.Max(0, UnbalancePercent(shown) + errors.VoltageUnbalancePoints),
            [MeterQuantity.VoltageUnbalanceU2] = Math.Max(0, u2 + errors.VoltageU2Points),
            [MeterQuantity.VoltageUnbalanceU0] = Math.Max(0, u0 + errors.VoltageU2Points),
        };
    }

    /// <summary>
    /// (u0, u2) in percent from symmetrical components (IEC 61000-4-30 §5.7.1, <see cref="Unbalance"/>) of the shown
    /// phase-voltage magnitudes at the angles the grid puts out; (0, 0) without three phases.
    /// </summary>
    public static (double U0Percent, double U2Percent) SequencePercent(ThreePhaseMeasurement shown, ThreePhaseSetpoint output)
    {
        if (shown.Phases.Count < 3 || output.Phases.Count < 3)
        {
            return (0, 0);
        }

        Span<double> re = stackalloc double[3];
        Span<double> im = stackalloc double[3];
        for (var k = 0; k < 3; k++)
        {
            var angle = output.Phases[k].VoltageAngleDeg * Math.PI / 180;
            re[k] = shown.Phases[k].VoltageRmsV * Math.Cos(angle);
            im[k] = shown.Phases[k].VoltageRmsV * Math.Sin(angle);
        }

        return Unbalance.Percent(re, im);
    }

    /// <param name="thdPercent">THD per channel: the phase voltages, then the currents.</param>
    public double[] ApplyToThd(IReadOnlyList<double> thdPercent, int voltageChannels) =>
        thdPercent.Select((t, k) => Math.Max(0, t + (k < voltageChannels ? errors.VoltageThdPoints : errors.CurrentThdPoints))).ToArray();

    /// <summary>Largest deviation of a phase voltage from the mean of all, in percent of the mean (the PM8000's "unbalance").</summary>
    public static double UnbalancePercent(ThreePhaseMeasurement m)
    {
        var mean = m.Phases.Average(p => p.VoltageRmsV);
        return mean <= 0 ? 0 : m.Phases.Max(p => Math.Abs(p.VoltageRmsV - mean)) / mean * 100;
    }

    private static double Gain(double percent) => 1 + (percent / 100);

    private double Offset(double pf) => Math.CopySign(Math.Clamp(Math.Abs(pf) + errors.PowerFactorOffset, 0, 1), pf);
}
