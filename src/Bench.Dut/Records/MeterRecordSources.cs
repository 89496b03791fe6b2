using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

using Bench.Dut.Meter;

namespace Bench.Dut.Records;

/// <summary>
/// Which record source belongs to a meter: whoever opens the meter and knows where its records are (the CLI from the
/// bench or DUT profile, a test) attaches it to the opened meter; a simulator that serves records registers them under
/// the meter's resource, so any client that reaches that resource finds them (the virtual bench in `bench run`). The
/// events and harmonic points look them up. Kept beside the meter rather than in it so meters without records need no change.
/// </summary>
public static class MeterRecordSources
{
    private static readonly ConditionalWeakTable<IMeterUnderTest, IRecordSource> Attached = [];
    private static readonly ConcurrentDictionary<string, IRecordSource> Registered = new(StringComparer.OrdinalIgnoreCase);

    public static void Attach(IMeterUnderTest meter, IRecordSource source) => Attached.AddOrUpdate(meter, source);

    /// <summary>Records served for the meter at <paramref name="resource"/> until the returned handle is disposed.</summary>
    public static IDisposable Register(string resource, IRecordSource source)
    {
        Registered[resource] = source;
        return new Registration(resource, source);
    }

    public static IRecordSource? Find(IMeterUnderTest meter) =>
        Attached.TryGetValue(meter, out var source) ? source : Registered.GetValueOrDefault(meter.Resource);

    private sealed class Registration(string resource, IRecordSource source) : IDisposable
    {
        public void Dispose() => Registered.TryRemove(new KeyValuePair<string, IRecordSource>(resource, source));
    }
}
