using Bench.Core.Errors;
using Bench.Core.Results;

namespace Bench.Standards.Decisions;

/// <summary>Turns an error, its expanded uncertainty and a tolerance limit into a verdict, and names the rule for the certificate.</summary>
public static class DecisionRules
{
    public static DecisionRule Parse(string text, string where) => text.Trim().ToLowerInvariant() switch
    {
        "simple" or "simple-acceptance" => DecisionRule.SimpleAcceptance,
        "guarded" or "guarded-acceptance" or "guard-band" => DecisionRule.GuardedAcceptance,
        "non-binary" or "nonbinary" or "non-binary-guarded" => DecisionRule.NonBinaryGuarded,
        _ => throw new BenchInputException(where, $"unknown decision rule '{text}' (use simple, guarded or non-binary)"),
    };

    /// <summary>Statement of the rule as ISO/IEC 17025 §7.8.6 wants it on the certificate.</summary>
    public static string Describe(DecisionRule rule) => rule switch
    {
        DecisionRule.SimpleAcceptance => "ILAC-G8:09/2019 §4.2.1 binary statement, simple acceptance (w = 0)",
        DecisionRule.GuardedAcceptance => "ILAC-G8:09/2019 §4.2.2 binary statement with guard band w = U (k = 2)",
        _ => "ILAC-G8:09/2019 §4.2.3 non-binary statement with guard band w = U (k = 2)",
    };

    /// <param name="errorPercent">Measured error.</param>
    /// <param name="limitPercent">Tolerance limit TL (symmetric ±TL).</param>
    /// <param name="expandedUncertaintyPercent">U at k = 2; required by the guarded rules, ignored by simple acceptance.</param>
    public static Verdict Decide(DecisionRule rule, double errorPercent, double limitPercent, double? expandedUncertaintyPercent)
    {
        if (double.IsNaN(errorPercent) || double.IsInfinity(errorPercent))
        {
            return Verdict.Incomplete;
        }

        var e = Math.Abs(errorPercent);
        if (rule == DecisionRule.SimpleAcceptance)
        {
            return e <= limitPercent ? Verdict.Pass : Verdict.Fail;
        }

        if (expandedUncertaintyPercent is not { } u || double.IsNaN(u))
        {
            return Verdict.Incomplete; // a guarded rule without an uncertainty has no acceptance limit
        }

        if (rule == DecisionRule.GuardedAcceptance)
        {
            return e <= limitPercent - u ? Verdict.Pass : Verdict.Fail;
        }

        if (e <= limitPercent - u)
        {
            return Verdict.Pass;
        }

        if (e <= limitPercent)
        {
            return Verdict.ConditionalPass;
        }

        return e <= limitPercent + u ? Verdict.ConditionalFail : Verdict.Fail;
    }
}
