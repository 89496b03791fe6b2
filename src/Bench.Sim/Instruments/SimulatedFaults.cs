namespace Bench.Sim.Instruments;

/// <summary>
/// Faults a simulated instrument injects, settable while it runs: slow replies, garbage replies, dropped connections and
/// SCPI errors. Counters count down as faults are delivered, so a test can ask for "the next two replies garbled".
/// </summary>
public sealed class SimulatedFaults
{
    private int _garbleReplies;
    private int _dropAfterCommands = -1;

    /// <summary>Extra delay before every reply (real time, not bench time).</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>Replace the next N replies with garbage bytes.</summary>
    public int GarbleNextReplies
    {
        get => Volatile.Read(ref _garbleReplies);
        set => Volatile.Write(ref _garbleReplies, value);
    }

    /// <summary>Close the connection when the Nth command from now arrives (0 = the next one); -1 = never.</summary>
    public int DropAfterCommands
    {
        get => Volatile.Read(ref _dropAfterCommands);
        set => Volatile.Write(ref _dropAfterCommands, value);
    }

    /// <summary>Commands whose header starts with this text (case-insensitive) push <see cref="InjectedErrorCode"/> to the error queue.</summary>
    public string? ErrorOnCommand { get; set; }

    public int InjectedErrorCode { get; set; } = -200;

    public string InjectedErrorMessage { get; set; } = "Execution error";

    /// <summary>Never reply to queries (a hung instrument).</summary>
    public bool Mute { get; set; }

    internal bool TakeGarble() => TakeOne(ref _garbleReplies);

    internal bool TakeDrop()
    {
        while (true)
        {
            var n = Volatile.Read(ref _dropAfterCommands);
            if (n < 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _dropAfterCommands, n == 0 ? -1 : n - 1, n) == n)
            {
                return n == 0;
            }
        }
    }

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var n = Volatile.Read(ref counter);
            if (n <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, n - 1, n) == n)
            {
                return true;
            }
        }
    }
}
