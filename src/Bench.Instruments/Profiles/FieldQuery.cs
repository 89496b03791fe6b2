namespace Bench.Instruments.Profiles;

/// <summary>A query whose reply is a comma-separated list of numbers, with the name of each field ("-" skips one).</summary>
public sealed record FieldQuery(CommandTemplate Query, IReadOnlyList<string> Fields);
