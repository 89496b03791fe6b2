using System.Collections.Concurrent;

namespace Bench.Sim.Instruments.Servers;

/// <summary>
/// Exclusive device locks of a simulated LAN instrument (VXI-11 device_lock, HiSLIP AsyncLock): one holder per device
/// name, waiters poll until the holder releases or their lock timeout runs out.
/// </summary>
internal sealed class ExclusiveLocks
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private readonly ConcurrentDictionary<string, int> _holders = new(StringComparer.OrdinalIgnoreCase);

    public bool IsHeld(string device) => _holders.ContainsKey(device);

    /// <summary>Takes the lock (or confirms it is already held by <paramref name="holder"/>), waiting up to the timeout.</summary>
    public async Task<bool> AcquireAsync(string device, int holder, uint timeoutMs, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (_holders.GetOrAdd(device, holder) != holder)
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Waits until nobody but <paramref name="holder"/> holds the lock (I/O of other links waits for it).</summary>
    public async Task<bool> WaitUntilFreeAsync(string device, int holder, uint timeoutMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (_holders.TryGetValue(device, out var h) && h != holder)
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(Poll).ConfigureAwait(false);
        }

        return true;
    }

    public bool Release(string device, int holder) => _holders.TryRemove(new KeyValuePair<string, int>(device, holder));
}
