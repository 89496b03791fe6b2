namespace Bench.Instruments.Profiles;

/// <summary>One range of a quantity (V, A, Hz): its limits, resolution and the accuracy stated for it.</summary>
public sealed record RangeSpec(string Quantity, double Min, double Max, double? Resolution, AccuracyTerm? Accuracy)
{
    public bool Contains(double value) => Math.Abs(value) >= Min && Math.Abs(value) <= Max;
}
