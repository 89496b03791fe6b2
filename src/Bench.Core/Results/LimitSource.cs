namespace Bench.Core.Results;

/// <summary>Where a limit comes from: standard, edition, clause or table, and whether the figure was checked against the standard.</summary>
public sealed record LimitSource(string Standard, string Clause, bool Unconfirmed)
{
    public override string ToString() => Unconfirmed ? $"{Standard} {Clause} (unconfirmed)" : $"{Standard} {Clause}";
}
