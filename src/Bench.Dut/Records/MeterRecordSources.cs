using System.Runtime.CompilerServices;

using Bench.Dut.Meter;

namespace Bench.Dut.Records;

/// <summary>
/// Which record source belongs to an opened meter: whoever opens the meter and knows where its records are (the CLI
/// from the bench or DUT profile, the virtual bench, a test) attaches it; the events point looks it up. Kept beside the
/// meter rather than in it so meters without records need no change.
/// </summary>
public static class MeterRecordSources
{
    private static readonly ConditionalWeakTable<IMeterUnderTest, IRecordSource> Sources = [];

    public static void Attach(IMeterUnderTest meter, IRecordSource source) => Sources.AddOrUpdate(meter, source);

    public static IRecordSource? Find(IMeterUnderTest meter) => Sources.TryGetValue(meter, out var source) ? source : null;
}
