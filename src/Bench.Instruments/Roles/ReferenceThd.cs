namespace Bench.Instruments.Roles;

/// <summary>
/// THD per phase measured by a reference standard, in percent of the fundamental (NaN for a phase its query does not
/// report), with how it was measured (e.g. "THD-F, h2-h50, IEC 61000-4-7 grouping") for the result's reason.
/// </summary>
public sealed record ReferenceThd(IReadOnlyList<double> VoltagePercent, IReadOnlyList<double> CurrentPercent, string Method);
