using Bench.Core.Results;
using Bench.Reports.Comparison;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Comparison;

[TestFixture("en-US")]
[TestFixture("de-DE")]
public sealed class RunComparisonTests(string culture) : CultureFixture(culture)
{
    private static RunRecord Build(string firmware, params PointResult[] points) =>
        SampleRuns.Run(points) with
        {
            Dut = SampleRuns.Mixed().Dut with { Identity = SampleRuns.Mixed().Dut.Identity with { Firmware = firmware } },
        };

    private static readonly RunRecord Baseline = Build("4.2.1",
        SampleRuns.Point("a", 5, "1", 0.05, 0.2, Verdict.Pass),
        SampleRuns.Point("b", 100, "1", 0.10, 0.2, Verdict.Pass),
        SampleRuns.Point("c", 100, "0.5 L", 0.25, 0.3, Verdict.Pass),
        SampleRuns.Point("gone", 200, "1", 0.0, 0.2, Verdict.Pass));

    private static readonly RunRecord Candidate = Build("4.3.0-rc1",
        SampleRuns.Point("a", 5, "1", 0.06, 0.2, Verdict.Pass),
        SampleRuns.Point("b", 100, "1", 0.25, 0.2, Verdict.Fail),
        SampleRuns.Point("c", 100, "0.5 L", 0.12, 0.3, Verdict.Pass),
        SampleRuns.Point("new", 1, "1", 0.3, 0.4, Verdict.Pass));

    [Test]
    public void Drift_is_candidate_minus_baseline_per_point()
    {
        var r = RunComparison.Compare(Baseline, Candidate);
        var byId = r.Points.ToDictionary(p => p.Id);
        // Differences by hand: a 0.06 − 0.05, b 0.25 − 0.10, c 0.12 − 0.25.
        Assert.That(byId["a"].DriftPercent, Is.EqualTo(0.01).Within(1e-12));
        Assert.That(byId["b"].DriftPercent, Is.EqualTo(0.15).Within(1e-12));
        Assert.That(byId["c"].DriftPercent, Is.EqualTo(-0.13).Within(1e-12));
        Assert.That(byId["b"].DriftFractionOfLimit, Is.EqualTo(0.75).Within(1e-12));
        Assert.That(byId["a"].LargeDrift, Is.False); // 0.05 of limit
        Assert.That(byId["c"].LargeDrift, Is.True); // 0.43 of limit ≥ 0.25
        Assert.That(byId["b"].Change, Is.EqualTo(VerdictChange.Regressed));
        Assert.That(byId["new"].Change, Is.EqualTo(VerdictChange.Added));
        Assert.That(byId["gone"].Change, Is.EqualTo(VerdictChange.Removed));
        Assert.That(r.MaxDrift!.Id, Is.EqualTo("b"));
        Assert.That(r.Clean, Is.False);
    }

    [Test]
    public void Identical_runs_are_clean()
    {
        var r = RunComparison.Compare(Baseline, Baseline);
        Assert.That(r.Clean, Is.True);
        Assert.That(r.Points.Select(p => p.DriftPercent), Is.All.EqualTo(0.0));
        Assert.That(r.Warnings, Is.Empty);
    }

    [TestCase(Verdict.Pass, Verdict.ConditionalPass, VerdictChange.Regressed)]
    [TestCase(Verdict.ConditionalFail, Verdict.ConditionalPass, VerdictChange.Improved)]
    [TestCase(Verdict.Fail, Verdict.Pass, VerdictChange.Improved)]
    [TestCase(Verdict.Pass, Verdict.Incomplete, VerdictChange.Undecided)]
    [TestCase(Verdict.Fail, Verdict.Fail, VerdictChange.Same)]
    public void Verdict_changes_are_ranked(Verdict before, Verdict after, VerdictChange expected) =>
        Assert.That(RunComparison.Change(before, after), Is.EqualTo(expected));

    [Test]
    public void Markdown_names_firmware_and_regressions()
    {
        var md = RunComparison.Compare(Baseline, Candidate).ToMarkdown();
        Assert.That(md, Does.Contain("| Baseline | run-20261127-083000-a1b2 | MN-1234-5678 | 4.2.1 |"));
        Assert.That(md, Does.Contain("4.3.0-rc1"));
        Assert.That(md, Does.Contain("| b | 100 | 1 | ±0.200 | +0.100 | +0.250 | +0.150 | 0.75 ! | PASS → FAIL (regressed) |"));
        Assert.That(md, Does.Contain("REVIEW: 5 points, 1 regressed, 0 improved, 0 undecided, 1 added, 1 removed"));
    }

    [Test]
    public void Text_aligns_columns()
    {
        var lines = RunComparison.Compare(Baseline, Candidate).ToText().Split('\n');
        var header = lines.Single(l => l.StartsWith("Point", StringComparison.Ordinal));
        var row = lines.Single(l => l.StartsWith("c ", StringComparison.Ordinal));
        // Right-aligned numeric columns end at the same character position as their header.
        Assert.That(row.IndexOf("-0.130", StringComparison.Ordinal) + "-0.130".Length,
            Is.EqualTo(header.IndexOf("Drift (%)", StringComparison.Ordinal) + "Drift (%)".Length));
    }

    [Test]
    public void Different_plans_are_warned_about()
    {
        var other = Candidate with
        {
            PlanName = "other-plan",
            Dut = Candidate.Dut with { Identity = Candidate.Dut.Identity with { SerialNumber = "OTHER-UNIT" } },
        };
        var r = RunComparison.Compare(Baseline, other);
        Assert.That(r.Warnings, Has.Some.Contains("plan differs"));
        Assert.That(r.Warnings, Has.Some.EqualTo("DUT serial differs: baseline \"MN-1234-5678\", candidate \"OTHER-UNIT\""));
        Assert.That(RunComparison.Compare(Baseline, Candidate).Warnings, Is.Empty, "same plan, meter and bench: nothing to warn about");
    }
}
