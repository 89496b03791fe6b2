namespace Bench.Instruments.Profiles;

/// <summary>
/// How a source runs a dip, swell or interruption: commands to prepare it (templates may use {phase}, {residual_v},
/// {residual_percent}, {duration_s}, {duration_ms}, {cycles}, {nominal_v}), to start it, and to return to steady output.
/// </summary>
public sealed record VoltageEventSpec(IReadOnlyList<CommandTemplate> Prepare, IReadOnlyList<CommandTemplate> Run, IReadOnlyList<CommandTemplate> Restore);
