using Bench.Core.Results;
using Bench.Standards.Decisions;

namespace Bench.Reports.Certificate;

/// <summary>
/// The acceptance limit AL a point was judged against (decision-rules.md §1 and §6): AL = TL − U under the guarded
/// ILAC-G8 rules, recognised by the rule statement Bench.Standards writes into the point; null under simple acceptance
/// (AL = TL) or when no U is stated.
/// </summary>
internal static class AcceptanceLimit
{
    private static readonly string[] GuardedRules =
    [
        DecisionRules.Describe(DecisionRule.GuardedAcceptance),
        DecisionRules.Describe(DecisionRule.NonBinaryGuarded),
    ];

    public static bool IsGuarded(PointResult p) => p.DecisionRule is { } rule && GuardedRules.Contains(rule, StringComparer.Ordinal);

    public static double? Of(PointResult p) =>
        IsGuarded(p) && p.UncertaintyPercent is { } u && double.IsFinite(u) ? Math.Max(0, Math.Abs(p.LimitPercent) - u) : null;
}
