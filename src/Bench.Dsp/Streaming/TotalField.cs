namespace Bench.Dsp.Streaming;

/// <summary>Polyphase values of an <see cref="IntervalValues"/> (IEEE 1459 names).</summary>
public enum TotalField
{
    FrequencyHz,
    PW,
    Q1Var,

    /// <summary>Arithmetic apparent power SA = Σ Uk·Ik (NaN for 3P3W).</summary>
    SArithmeticVA,

    /// <summary>Effective apparent power Se = 3·Ve·Ie (IEEE 1459, 4-wire or 3-wire form).</summary>
    SeVA,

    /// <summary>P / Se.</summary>
    Pf,

    /// <summary>Zero-sequence unbalance U0/U1 in percent (NaN for 3P3W and 1P2W).</summary>
    U0Percent,

    /// <summary>Negative-sequence unbalance U2/U1 in percent (NaN for 1P2W).</summary>
    U2Percent,
}
