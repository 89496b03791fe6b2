namespace Bench.Standards.Limits;

/// <summary>How IEC 61557-12 states a function's intrinsic uncertainty, and so the unit its error is judged in.</summary>
public enum PmdErrorForm
{
    /// <summary>±C % of reading (U, I, IN, f, SA).</summary>
    PercentOfReading,

    /// <summary>% of reading from a table over current and load angle, as IEC 62053 writes it (P, QA).</summary>
    PercentOfReadingTable,

    /// <summary>±C·0.01 in absolute power-factor units (PFA; class 0.5 → ±0.005).</summary>
    AbsolutePowerFactor,

    /// <summary>±C % of the reading in percentage points, with an absolute floor for small values (THDu, THDi).</summary>
    PercentagePointsOfReading,

    /// <summary>±C in percentage points (Unba: class 0.5 → ±0.5 % unbalance).</summary>
    PercentagePoints,
}
