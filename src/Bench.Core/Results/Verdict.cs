namespace Bench.Core.Results;

/// <summary>
/// The outcome of one point or a whole run. Conditional verdicts come from ILAC-G8 non-binary rules;
/// Incomplete means evidence is missing (timeout, garbled reply, expired calibration) and never counts as a pass.
/// </summary>
public enum Verdict
{
    Pass,
    ConditionalPass,
    ConditionalFail,
    Fail,
    Incomplete,
}
