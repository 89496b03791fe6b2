namespace Bench.Dut.Profiles;

/// <summary>One identity entry: a register to read, or a fixed text when <see cref="Point"/> is null.</summary>
public sealed record IdentityField(RegisterPoint? Point, string? FixedText);
