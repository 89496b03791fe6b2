namespace Bench.Dut.Profiles;

/// <summary>
/// What the meter tolerates per read: at most <see cref="MaxRegistersPerRead"/> registers, unmapped holes of up to
/// <see cref="MaxGapBridged"/> registers may be read through, <see cref="Gaps"/> (wire addresses) never.
/// </summary>
public sealed record PollingLimits(int MaxRegistersPerRead, int MaxGapBridged, IReadOnlyList<RegisterRange> Gaps)
{
    public bool CrossesGap(int first, int last) => Gaps.Any(g => g.Overlaps(first, last));
}
