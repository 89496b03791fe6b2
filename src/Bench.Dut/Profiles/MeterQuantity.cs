namespace Bench.Dut.Profiles;

/// <summary>Instantaneous quantities a profile can map; the YAML names are the snake_case forms (<c>voltage_an</c>, <c>active_power_total</c>).</summary>
public enum MeterQuantity
{
    VoltageAN,
    VoltageBN,
    VoltageCN,
    VoltageAB,
    VoltageBC,
    VoltageCA,
    CurrentA,
    CurrentB,
    CurrentC,
    CurrentN,
    ActivePowerA,
    ActivePowerB,
    ActivePowerC,
    ActivePowerTotal,
    ReactivePowerA,
    ReactivePowerB,
    ReactivePowerC,
    ReactivePowerTotal,
    ApparentPowerA,
    ApparentPowerB,
    ApparentPowerC,
    ApparentPowerTotal,
    PowerFactorA,
    PowerFactorB,
    PowerFactorC,
    PowerFactorTotal,
    Frequency,

    /// <summary>Largest deviation of a L-N voltage from their mean, in percent of the mean (PM8000 register 3052, "L-N worst").</summary>
    VoltageUnbalanceLN,

    /// <summary>
    /// Negative-sequence voltage unbalance u2 = U2/U1 in percent (IEC 61000-4-30 §5.7.1, symmetrical components of the
    /// fundamentals). No PM8000 register (pm8000-map.md); a Bench-own key for meters whose map has one.
    /// </summary>
    VoltageUnbalanceU2,

    /// <summary>Zero-sequence voltage unbalance u0 = U0/U1 in percent (IEC 61000-4-30 §5.7.1); Bench-own key like u2.</summary>
    VoltageUnbalanceU0,
    ThdVoltageAN,
    ThdVoltageBN,
    ThdVoltageCN,
    ThdCurrentA,
    ThdCurrentB,
    ThdCurrentC,

    /// <summary>
    /// Short-term flicker severity Pst of the L-N voltages (IEC 61000-4-15, 10-minute interval). No PM8000 register
    /// (pm8000-map.md); Bench-own keys for meters whose map has them.
    /// </summary>
    PstVoltageAN,
    PstVoltageBN,
    PstVoltageCN,
}
