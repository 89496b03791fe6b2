namespace Bench.Core.Quantities;

/// <summary>A complete source setting: one <see cref="PhaseSetpoint"/> per phase and the common frequency.</summary>
public sealed record ThreePhaseSetpoint(IReadOnlyList<PhaseSetpoint> Phases, double FrequencyHz)
{
    /// <summary>Nothing energized: the safe state.</summary>
    public static ThreePhaseSetpoint Off(double frequencyHz) => new(
        [new PhaseSetpoint(0, 0, 0, 0), new PhaseSetpoint(0, 0, -120, -120), new PhaseSetpoint(0, 0, 120, 120)],
        frequencyHz);

    /// <summary>A balanced, positive-sequence load: the same U, I and power factor on each phase.</summary>
    public static ThreePhaseSetpoint Balanced(double voltageV, double currentA, PowerFactor pf, double frequencyHz)
    {
        var phases = new PhaseSetpoint[3];
        for (var k = 0; k < 3; k++)
        {
            var uAngle = NormalizeDegrees(-120.0 * k);
            phases[k] = new PhaseSetpoint(voltageV, currentA, uAngle, NormalizeDegrees(uAngle - pf.CurrentLagDegrees));
        }

        return new ThreePhaseSetpoint(phases, frequencyHz);
    }

    public bool IsEnergized => Phases.Any(p => p.VoltageV != 0 || p.CurrentA != 0);

    private static double NormalizeDegrees(double deg)
    {
        var d = deg % 360;
        if (d > 180)
        {
            d -= 360;
        }
        else if (d <= -180)
        {
            d += 360;
        }

        return d;
    }
}
