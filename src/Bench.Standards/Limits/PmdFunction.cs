namespace Bench.Standards.Limits;

/// <summary>
/// The IEC 61557-12 functions a bench compares from the meter's instantaneous readings (shared/standards/
/// pmd-61557-12.md §3). Total powers and PF are the arithmetic forms (QA, SA, PFA): the sums the reference reports.
/// </summary>
public enum PmdFunction
{
    /// <summary>f: frequency.</summary>
    Frequency,

    /// <summary>U: phase voltage (L-N), per phase.</summary>
    Voltage,

    /// <summary>I: phase current, per phase.</summary>
    Current,

    /// <summary>IN: neutral current, measured.</summary>
    NeutralCurrent,

    /// <summary>P: total active power.</summary>
    ActivePower,

    /// <summary>QA: total reactive power, arithmetic.</summary>
    ReactivePower,

    /// <summary>SA: total apparent power, arithmetic.</summary>
    ApparentPower,

    /// <summary>PFA: total power factor, arithmetic (P / SA).</summary>
    PowerFactor,

    /// <summary>THDu: voltage THD relative to the fundamental, per phase.</summary>
    VoltageThd,

    /// <summary>THDi: current THD relative to the fundamental, per phase.</summary>
    CurrentThd,

    /// <summary>Unba: voltage unbalance, amplitude only (largest deviation of a phase voltage from their mean).</summary>
    VoltageUnbalance,

    /// <summary>ErA: total reactive energy, arithmetic (energy gates, not instantaneous readings).</summary>
    ReactiveEnergy,

    /// <summary>EapA: total apparent energy, arithmetic.</summary>
    ApparentEnergy,
}
