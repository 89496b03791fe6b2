using Bench.Core.Quantities;
using Bench.Dsp.Power;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// A balanced setting with a negative-sequence voltage added (IEC 62586-2 unbalance test states): each phase voltage
/// becomes U·e^{jθ} + u·U·e^{−jθ}, so U1 = U and U2 = u·U exactly, U0 = 0. Magnitudes and angles are what the source
/// is programmed with; currents stay as they were.
/// </summary>
public static class NegativeSequenceSetpoint
{
    public static ThreePhaseSetpoint For(ThreePhaseSetpoint balanced, double u2Percent)
    {
        var u = u2Percent / 100;
        return balanced with
        {
            Phases = balanced.Phases.Select(p =>
            {
                var theta = p.VoltageAngleDeg * Math.PI / 180;
                var re = p.VoltageV * (Math.Cos(theta) + (u * Math.Cos(-theta)));
                var im = p.VoltageV * (Math.Sin(theta) + (u * Math.Sin(-theta)));
                return p with { VoltageV = Math.Sqrt((re * re) + (im * im)), VoltageAngleDeg = Math.Atan2(im, re) * 180 / Math.PI };
            }).ToList(),
        };
    }

    /// <summary>(u0, u2) in percent of a setting's phase voltages (IEC 61000-4-30 §5.7.1, symmetrical components).</summary>
    public static (double U0Percent, double U2Percent) Analytic(ThreePhaseSetpoint setpoint)
    {
        var re = setpoint.Phases.Select(p => p.VoltageV * Math.Cos(p.VoltageAngleDeg * Math.PI / 180)).ToArray();
        var im = setpoint.Phases.Select(p => p.VoltageV * Math.Sin(p.VoltageAngleDeg * Math.PI / 180)).ToArray();
        return Unbalance.Percent(re, im);
    }
}
