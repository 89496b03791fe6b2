namespace Bench.Standards.Limits;

/// <summary>
/// One function of IEC 61557-12 as data: its symbol, the name a plan's <c>functions:</c> map uses, the classes it may
/// claim, how its intrinsic uncertainty is stated, and the rated operating range over which that uncertainty applies.
/// </summary>
public sealed record PmdFunctionSpec(
    PmdFunction Function,
    string Symbol,
    string PlanKey,
    string Title,
    IReadOnlyList<double> Classes,
    PmdErrorForm Form,
    string RangeText,
    Func<PmdOperatingPoint, bool> InRange)
{
    /// <summary>The unit errors and limits of this function are stated in.</summary>
    public string ErrorUnit => Form switch
    {
        PmdErrorForm.AbsolutePowerFactor => "absolute PF",
        PmdErrorForm.PercentagePoints or PmdErrorForm.PercentagePointsOfReading => "percentage points",
        _ => "% of reading",
    };

    /// <summary>Per phase (worst phase decides) or one total value.</summary>
    public bool PerPhase => Function is PmdFunction.Voltage or PmdFunction.Current or PmdFunction.VoltageThd or PmdFunction.CurrentThd;
}
