namespace Bench.Dut.Profiles;

/// <summary>
/// How a simulated meter errs on its instantaneous readings (the profile's <c>simulation.instantaneous_error</c>):
/// gains in percent of reading for U, I, IN, f, P, Q, S; an offset in absolute PF; offsets in percentage points for THD
/// and unbalance. Zero everywhere is an exact meter. The instantaneous P, Q, S errors come on top of the energy error
/// (error curve, <c>--meter-error</c>), which keeps scaling both power and energy.
/// </summary>
public sealed record InstantaneousErrors
{
    public static InstantaneousErrors None { get; } = new();

    public double VoltagePercent { get; init; }

    public double CurrentPercent { get; init; }

    public double NeutralCurrentPercent { get; init; }

    public double FrequencyPercent { get; init; }

    public double ActivePowerPercent { get; init; }

    public double ReactivePowerPercent { get; init; }

    public double ApparentPowerPercent { get; init; }

    /// <summary>Added to each PF the meter shows (per phase and total), then limited to ±1.</summary>
    public double PowerFactorOffset { get; init; }

    public double VoltageThdPoints { get; init; }

    public double CurrentThdPoints { get; init; }

    public double VoltageUnbalancePoints { get; init; }

    /// <summary>Added to the u2 and u0 the meter shows (percentage points, IEC 61000-4-30 u2 = U2/U1).</summary>
    public double VoltageU2Points { get; init; }

    /// <summary>Gain on the Pst the meter shows, in percent of reading.</summary>
    public double PstPercent { get; init; }
}
