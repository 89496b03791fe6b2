namespace Bench.Modbus.Data;

/// <summary>
/// Schneider "4Q_FP_PF" register encoding of a signed power factor, a float in −2…+2: x &gt; 1 → PF = 2 − x, leading;
/// x &lt; −1 → PF = −2 − x, leading; otherwise PF = x, lagging (shared/protocols/modbus.md §5, mbmap PM5500 notes).
/// </summary>
public static class FourQuadrantPowerFactor
{
    /// <summary>The power factor (sign of P) and whether the current leads the voltage.</summary>
    public static (double PowerFactor, bool Leading) Decode(double register) => register switch
    {
        > 1 => (2 - register, true),
        < -1 => (-2 - register, true),
        _ => (register, false),
    };

    /// <summary>Inverse of <see cref="Decode"/>: unity encodes as ±1, a leading PF moves beyond ±1.</summary>
    public static double Encode(double powerFactor, bool leading)
    {
        if (!leading || Math.Abs(powerFactor) >= 1)
        {
            return powerFactor;
        }

        return powerFactor >= 0 ? 2 - powerFactor : -2 - powerFactor;
    }
}
