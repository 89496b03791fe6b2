namespace Bench.Instruments.Profiles;

/// <summary>Pulse-input counting on a reference standard (meter-constant tests): commands that reset and start the count, and the count query.</summary>
public sealed record PulseSpec(IReadOnlyList<string> Start, CommandTemplate Query, IReadOnlyList<string> Stop);
