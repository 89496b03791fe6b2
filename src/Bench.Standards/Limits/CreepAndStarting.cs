using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// Starting-current and no-load (creep) test rules of IEC 62053-21/22 Ed.1 (energy-accuracy.md §8).
/// The bench counts register steps where the standard counts test-output pulses: one step of the energy register
/// plays the part of one pulse (k = 1/step imp/Wh).
/// </summary>
public static class CreepAndStarting
{
    /// <summary>X of Δt ≥ X·10⁶/(k·m·Un·Imax) minutes, per class; the values are (unconfirmed).</summary>
    public static double NoLoadFactor(string accuracyClass) => accuracyClass.ToUpperInvariant() switch
    {
        "0.1S" or "0.2S" => 900,
        "0.5S" or "1" or "0.5" => 600,
        _ => 480,
    };

    public static LimitSource NoLoadSource(string standard) =>
        new(standard, "no-load condition: at most one pulse in Δt = X·10⁶/(k·m·Un·Imax) min at 115 % Un (Ed.1)", Unconfirmed: true);

    public static LimitSource StartingSource(string standard) =>
        new(standard, "starting current: registers within 1.5× the theoretical time of one pulse at Ist, PF 1", Unconfirmed: true);

    /// <summary>Minimum no-load duration, from the meter constant k (imp/kWh), m elements, Un and Imax.</summary>
    public static TimeSpan NoLoadDuration(string accuracyClass, double impulsesPerKwh, int elements, double nominalVoltageV, double maximumCurrentA) =>
        TimeSpan.FromMinutes(NoLoadFactor(accuracyClass) * 1e6 / (impulsesPerKwh * elements * nominalVoltageV * maximumCurrentA));

    /// <summary>Window for the starting test: 1.5× the time one pulse takes at power <paramref name="powerW"/> (T = 3.6·10⁶/(k·P) s).</summary>
    public static TimeSpan StartingWindow(double impulsesPerKwh, double powerW) =>
        TimeSpan.FromSeconds(1.5 * 3.6e6 / (impulsesPerKwh * powerW));
}
