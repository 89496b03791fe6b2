using Bench.Core.Results;
using Bench.Standards.Decisions;

namespace Bench.Standards.Tests;

// Zones from ILAC-G8:09/2019 §4.2 as summarised in shared/standards/decision-rules.md §1 (TL = 0.2 %, U = 0.05 %).
public class DecisionRulesTests
{
    [TestCase(0.0, Verdict.Pass)]
    [TestCase(0.2, Verdict.Pass)]
    [TestCase(-0.2, Verdict.Pass)]
    [TestCase(0.2001, Verdict.Fail)]
    [TestCase(-0.25, Verdict.Fail)]
    public void Simple_acceptance(double error, Verdict expected) =>
        Assert.That(DecisionRules.Decide(DecisionRule.SimpleAcceptance, error, 0.2, null), Is.EqualTo(expected));

    [TestCase(0.15, Verdict.Pass)]
    [TestCase(0.1501, Verdict.Fail)]
    [TestCase(0.2, Verdict.Fail)]
    public void Guarded_acceptance(double error, Verdict expected) =>
        Assert.That(DecisionRules.Decide(DecisionRule.GuardedAcceptance, error, 0.2, 0.05), Is.EqualTo(expected));

    [TestCase(0.1, Verdict.Pass)]
    [TestCase(0.17, Verdict.ConditionalPass)]
    [TestCase(-0.2, Verdict.ConditionalPass)]
    [TestCase(0.23, Verdict.ConditionalFail)]
    [TestCase(0.2501, Verdict.Fail)]
    public void Non_binary_guarded(double error, Verdict expected) =>
        Assert.That(DecisionRules.Decide(DecisionRule.NonBinaryGuarded, error, 0.2, 0.05), Is.EqualTo(expected));

    [Test]
    public void Missing_evidence_is_never_a_pass()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DecisionRules.Decide(DecisionRule.SimpleAcceptance, double.NaN, 0.2, null), Is.EqualTo(Verdict.Incomplete));
            Assert.That(DecisionRules.Decide(DecisionRule.GuardedAcceptance, 0.0, 0.2, null), Is.EqualTo(Verdict.Incomplete));
        });
    }

    [Test]
    public void Combined_verdict_is_the_worst_and_incomplete_wins()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VerdictExtensions.Combine([Verdict.Pass, Verdict.ConditionalPass]), Is.EqualTo(Verdict.ConditionalPass));
            Assert.That(VerdictExtensions.Combine([Verdict.Pass, Verdict.Fail, Verdict.ConditionalFail]), Is.EqualTo(Verdict.Fail));
            Assert.That(VerdictExtensions.Combine([Verdict.Fail, Verdict.Incomplete]), Is.EqualTo(Verdict.Incomplete));
            Assert.That(VerdictExtensions.Combine([]), Is.EqualTo(Verdict.Incomplete));
        });
    }
}
