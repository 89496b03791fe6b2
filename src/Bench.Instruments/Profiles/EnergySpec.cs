namespace Bench.Instruments.Profiles;

/// <summary>
/// Energy integration: commands that reset and start it, stop it, and the query whose fields are named
/// WH (active energy, Wh), VARH (reactive, varh), VAH (apparent, VAh; optional), TIME (gate length, s);
/// KWH/KVARH/KVAH/TIME_H scale accordingly, "-" skips.
/// </summary>
public sealed record EnergySpec(IReadOnlyList<string> Start, IReadOnlyList<string> Stop, CommandTemplate Query, IReadOnlyList<string> Fields)
{
    public static readonly IReadOnlyList<string> KnownFields = ["-", "WH", "KWH", "VARH", "KVARH", "TIME", "TIME_H", "VAH", "KVAH"];

    /// <summary>Whether the reference integrates apparent energy (a VAH or KVAH field).</summary>
    /// <summary>The profile's statement of which apparent power the instrument integrates (energy.apparent_definition).</summary>
    public string? ApparentDefinition { get; init; }

    public bool HasApparentEnergy => Fields.Contains("VAH") || Fields.Contains("KVAH");
}
