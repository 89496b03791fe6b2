namespace Bench.Core.Results;

public static class VerdictExtensions
{
    /// <summary>Text used on certificates, in results.json and in JUnit output.</summary>
    public static string ToWireText(this Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.ConditionalPass => "CONDITIONAL PASS",
        Verdict.ConditionalFail => "CONDITIONAL FAIL",
        Verdict.Fail => "FAIL",
        _ => "INCOMPLETE",
    };

    /// <summary>The verdict of a set of points: any incomplete point leaves the run incomplete, else the worst verdict wins.</summary>
    public static Verdict Combine(IEnumerable<Verdict> verdicts)
    {
        var any = false;
        var worst = Verdict.Pass;
        foreach (var v in verdicts)
        {
            any = true;
            if (v == Verdict.Incomplete)
            {
                return Verdict.Incomplete;
            }

            if (v > worst)
            {
                worst = v;
            }
        }

        return any ? worst : Verdict.Incomplete;
    }
}
