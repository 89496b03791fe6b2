namespace Bench.Sim.Instruments.Scpi;

/// <summary>One client connected to a simulated instrument, whatever the transport (SOCKET, VXI-11 link, HiSLIP session).</summary>
public sealed class SimulatedConnection(string transport, string peer)
{
    private static long _next;

    public long Id { get; } = Interlocked.Increment(ref _next);

    public string Transport { get; } = transport;

    public string Peer { get; } = peer;

    public override string ToString() => $"{Transport}#{Id} {Peer}";
}
