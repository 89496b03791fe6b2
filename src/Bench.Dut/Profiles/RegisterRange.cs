namespace Bench.Dut.Profiles;

/// <summary>Wire addresses <see cref="First"/>…<see cref="Last"/>, both included.</summary>
public readonly record struct RegisterRange(int First, int Last)
{
    public int Count => Last - First + 1;

    public bool Overlaps(int first, int last) => first <= Last && last >= First;
}
