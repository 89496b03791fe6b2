namespace Bench.Standards.Decisions;

/// <summary>ILAC-G8:09/2019 decision rules a plan can choose (shared/standards/decision-rules.md §1).</summary>
public enum DecisionRule
{
    /// <summary>Binary, simple acceptance (w = 0): pass when |e| ≤ TL. The usual rule for IEC 62053 type tests.</summary>
    SimpleAcceptance,

    /// <summary>Binary with guard band w = U: pass when |e| ≤ TL − U, else fail.</summary>
    GuardedAcceptance,

    /// <summary>Non-binary with guard band w = U: pass, conditional pass, conditional fail, fail.</summary>
    NonBinaryGuarded,
}
