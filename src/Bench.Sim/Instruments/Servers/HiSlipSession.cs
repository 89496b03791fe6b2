using System.Net.Sockets;

using Bench.Sim.Instruments.Scpi;

namespace Bench.Sim.Instruments.Servers;

/// <summary>One HiSLIP session on the simulator: its device, both channels, the message being received, the client's limits.</summary>
internal sealed class HiSlipSession(ushort id, string subAddress, ScpiDevice device, TcpClient sync, string peer)
{
    public ushort Id { get; } = id;

    public string SubAddress { get; } = subAddress;

    public ScpiDevice Device { get; } = device;

    public TcpClient Sync { get; } = sync;

    public TcpClient? Async { get; set; }

    public SimulatedConnection Connection { get; } = new("HiSLIP", peer);

    public List<byte> Incoming { get; } = [];

    public ulong ClientMaxMessageSize { get; set; } = ulong.MaxValue;

    /// <summary>A reply was sent and the client has not yet said (RMT-delivered) that it read it.</summary>
    public bool ReplyOutstanding { get; set; }

    public SemaphoreSlim SyncWrite { get; } = new(1, 1);

    public SemaphoreSlim AsyncWrite { get; } = new(1, 1);

    public CancellationTokenSource Closed { get; } = new();
}
