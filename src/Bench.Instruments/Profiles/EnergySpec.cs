namespace Bench.Instruments.Profiles;

/// <summary>
/// Energy integration: commands that reset and start it, stop it, and the query whose fields are named
/// WH (active energy, Wh), VARH (reactive, varh), TIME (gate length, s); KWH/KVARH/TIME_H scale accordingly, "-" skips.
/// </summary>
public sealed record EnergySpec(IReadOnlyList<string> Start, IReadOnlyList<string> Stop, CommandTemplate Query, IReadOnlyList<string> Fields)
{
    public static readonly IReadOnlyList<string> KnownFields = ["-", "WH", "KWH", "VARH", "KVARH", "TIME", "TIME_H"];
}
