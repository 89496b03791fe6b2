namespace Bench.Instruments.Profiles;

/// <summary>
/// How a reference standard reports values: commands sent once at open (item assignment), then one or more queries whose
/// comma-separated fields the profile names (U1, I1, P1, Q1, S1, PF1 … F; "-" skips a field). Missing S and PF are
/// derived (S = U·I, PF = P/S).
/// </summary>
public sealed record MeasurementSpec(IReadOnlyList<string> Setup, IReadOnlyList<FieldQuery> Queries)
{
    public static readonly IReadOnlyList<string> KnownFields =
        ["-", "U1", "U2", "U3", "I1", "I2", "I3", "P1", "P2", "P3", "Q1", "Q2", "Q3", "S1", "S2", "S3", "PF1", "PF2", "PF3", "F"];
}
