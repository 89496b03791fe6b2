namespace Bench.Instruments.Profiles;

/// <summary>
/// Total harmonic distortion measured by a reference standard: a query whose fields name THDU1..3 (phase voltages) and
/// THDI1..3 (currents) in percent of the fundamental ("-" skips), what definition and harmonic range the instrument
/// uses, and its THD accuracy in percentage points when its manual states one (null otherwise: then nothing enters
/// the budget).
/// </summary>
public sealed record ThdSpec(
    IReadOnlyList<string> Setup,
    CommandTemplate Query,
    IReadOnlyList<string> Fields,
    string Method,
    double? AccuracyPercentPoints,
    double AccuracyCoverageFactor)
{
    public static readonly IReadOnlyList<string> KnownFields = ["-", "THDU1", "THDU2", "THDU3", "THDI1", "THDI2", "THDI3"];
}
