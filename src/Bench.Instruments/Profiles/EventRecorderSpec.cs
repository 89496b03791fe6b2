namespace Bench.Instruments.Profiles;

/// <summary>
/// How a reference standard detects voltage events: commands that clear its list and arm detection (templates may use
/// {declared_v}), a query for the number of events closed since, and a query for one event ({index}, from 1) whose
/// comma-separated fields the profile names: KIND (1 dip, 2 swell, 3 interruption), PHASES (bit mask, L1 = 1),
/// START_S (seconds since armed), DURATION_S, EXTREME_PERCENT (% of the declared voltage); "-" skips a field.
/// </summary>
public sealed record EventRecorderSpec(IReadOnlyList<CommandTemplate> Arm, CommandTemplate Count, CommandTemplate Query, IReadOnlyList<string> Fields)
{
    public static readonly IReadOnlyList<string> KnownFields = ["-", "KIND", "PHASES", "START_S", "DURATION_S", "EXTREME_PERCENT"];

    public static readonly IReadOnlyList<string> RequiredFields = ["KIND", "PHASES", "START_S", "DURATION_S", "EXTREME_PERCENT"];
}
