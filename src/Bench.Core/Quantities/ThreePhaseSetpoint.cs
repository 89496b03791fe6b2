namespace Bench.Core.Quantities;

/// <summary>A complete source setting: one <see cref="PhaseSetpoint"/> per phase and the common frequency.</summary>
public sealed record ThreePhaseSetpoint(IReadOnlyList<PhaseSetpoint> Phases, double FrequencyHz)
{
    /// <summary>Nothing energized: the safe state.</summary>
    public static ThreePhaseSetpoint Off(double frequencyHz) => new(
        [new PhaseSetpoint(0, 0, 0, 0), new PhaseSetpoint(0, 0, -120, -120), new PhaseSetpoint(0, 0, 120, 120)],
        frequencyHz);

    /// <summary>A balanced, positive-sequence load: the same U, I and power factor on each phase.</summary>
    public static ThreePhaseSetpoint Balanced(double voltageV, double currentA, PowerFactor pf, double frequencyHz) =>
        Balanced(voltageV, currentA, pf.CurrentLagDegrees, frequencyHz);

    /// <summary>A balanced, positive-sequence load with the current lagging each voltage by <paramref name="currentLagDeg"/>.</summary>
    public static ThreePhaseSetpoint Balanced(double voltageV, double currentA, double currentLagDeg, double frequencyHz)
    {
        var phases = new PhaseSetpoint[3];
        for (var k = 0; k < 3; k++)
        {
            var uAngle = NormalizeDegrees(-120.0 * k);
            phases[k] = new PhaseSetpoint(voltageV, currentA, uAngle, NormalizeDegrees(uAngle - currentLagDeg));
        }

        return new ThreePhaseSetpoint(phases, frequencyHz);
    }

    /// <summary>
    /// Single-phase load on a polyphase meter (IEC 62053 "single-phase load" rows): all voltages present, current only
    /// in <paramref name="phaseIndex"/> (0 = L1).
    /// </summary>
    public static ThreePhaseSetpoint SinglePhaseLoad(double voltageV, double currentA, double currentLagDeg, double frequencyHz, int phaseIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(phaseIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(phaseIndex, 2);
        var balanced = Balanced(voltageV, currentA, currentLagDeg, frequencyHz);
        return balanced with { Phases = balanced.Phases.Select((p, k) => k == phaseIndex ? p : p with { CurrentA = 0 }).ToList() };
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
