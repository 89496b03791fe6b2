namespace Bench.Reports.Comparison;

/// <summary>How a point's verdict moved from the baseline run to the candidate run.</summary>
public enum VerdictChange
{
    Same,

    /// <summary>Worse: PASS → CONDITIONAL PASS → CONDITIONAL FAIL → FAIL.</summary>
    Regressed,

    Improved,

    /// <summary>One side is INCOMPLETE: no evidence to rank the change.</summary>
    Undecided,

    /// <summary>The point exists only in the candidate run.</summary>
    Added,

    /// <summary>The point exists only in the baseline run.</summary>
    Removed,
}
