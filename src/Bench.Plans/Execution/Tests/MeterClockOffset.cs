using Bench.Dut.Events;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// The offset of a meter's clock from the bench's, estimated from one event sequence: the programmed events and the
/// meter's new ones are paired in order (the k-th expected event with the next logged one of a compatible kind), and
/// the median of their start differences is the offset. Used when a point says the meter's clock is not synchronised:
/// starts are then judged after removing it, so a constant offset does not fail the meter but an event that starts out
/// of step with the others still does.
/// </summary>
public static class MeterClockOffset
{
    public static (TimeSpan Offset, int Pairs)? Estimate(IReadOnlyList<ProgrammedEvent> programmed, IReadOnlyList<PqEvent> meterEvents)
    {
        var logged = meterEvents.OrderBy(e => e.Start).ToList();
        var offsets = new List<double>();
        var next = 0;
        foreach (var expected in programmed.Select(p => p.Expected).OfType<PqEvent>())
        {
            var k = logged.FindIndex(next, m => Compatible(m.Kind, expected.Kind));
            if (k < 0)
            {
                continue;
            }

            offsets.Add((logged[k].Start - expected.Start).TotalSeconds);
            next = k + 1;
        }

        if (offsets.Count == 0)
        {
            return null;
        }

        offsets.Sort();
        var mid = offsets.Count / 2;
        var median = offsets.Count % 2 == 1 ? offsets[mid] : (offsets[mid - 1] + offsets[mid]) / 2;
        return (TimeSpan.FromSeconds(median), offsets.Count);
    }

    private static bool Compatible(PqEventKind logged, PqEventKind expected) =>
        logged == expected || (logged != PqEventKind.Swell && expected != PqEventKind.Swell);
}
