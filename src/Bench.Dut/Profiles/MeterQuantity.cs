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
    ThdVoltageAN,
    ThdVoltageBN,
    ThdVoltageCN,
    ThdCurrentA,
    ThdCurrentB,
    ThdCurrentC,
}
