using Bench.Dut.Profiles;

namespace Bench.Dut.Meter;

/// <summary>
/// Groups mapped registers into as few reads as the meter allows: per table, in address order, a block grows while it
/// stays within the maximum per read, bridges only holes up to the profile's limit, and never touches a forbidden gap.
/// </summary>
public static class ReadPlanner
{
    public static IReadOnlyList<ReadBlock> Plan(IEnumerable<RegisterPoint> points, PollingLimits limits)
    {
        var blocks = new List<ReadBlock>();
        foreach (var table in points.Distinct().GroupBy(p => p.Table))
        {
            var sorted = table.OrderBy(p => p.Address).ThenBy(p => p.Length).ToList();
            var current = new List<RegisterPoint>();
            int first = 0, last = 0;
            foreach (var p in sorted)
            {
                if (p.Length > limits.MaxRegistersPerRead)
                {
                    throw new ArgumentException($"'{p.Name}' spans {p.Length} registers, more than one read may carry", nameof(points));
                }

                if (current.Count > 0)
                {
                    var newLast = Math.Max(last, p.LastAddress);
                    var hole = p.Address - last - 1;
                    var fits = newLast - first + 1 <= limits.MaxRegistersPerRead
                        && hole <= limits.MaxGapBridged
                        && !limits.CrossesGap(first, newLast);
                    if (fits)
                    {
                        current.Add(p);
                        last = newLast;
                        continue;
                    }

                    blocks.Add(new ReadBlock(table.Key, first, last - first + 1, current));
                    current = [];
                }

                current.Add(p);
                first = p.Address;
                last = p.LastAddress;
            }

            if (current.Count > 0)
            {
                blocks.Add(new ReadBlock(table.Key, first, last - first + 1, current));
            }
        }

        return blocks;
    }
}
