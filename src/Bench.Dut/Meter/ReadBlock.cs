using Bench.Dut.Profiles;

namespace Bench.Dut.Meter;

/// <summary>One read request of a plan: <see cref="Count"/> registers from wire address <see cref="Address"/>.</summary>
public sealed record ReadBlock(RegisterTable Table, int Address, int Count, IReadOnlyList<RegisterPoint> Points)
{
    public int LastAddress => Address + Count - 1;
}
