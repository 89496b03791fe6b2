using Bench.Sim.Instruments.Scpi;

namespace Bench.Sim.Instruments.Servers;

/// <summary>One VXI-11 link: the device it reaches, the message being written, the reply being read, its abort signal.</summary>
internal sealed class Vxi11Link(int id, string deviceName, ScpiDevice device, RpcConnection owner)
{
    public int Id { get; } = id;

    public string DeviceName { get; } = deviceName;

    public ScpiDevice Device { get; } = device;

    public RpcConnection Owner { get; } = owner;

    public SimulatedConnection Connection { get; } = new("VXI-11", owner.Peer);

    public List<byte> Incoming { get; } = [];

    /// <summary>The reply being produced for the last complete message (devices answer asynchronously to the write).</summary>
    public Task<DeviceReply>? Pending { get; set; }

    public byte[] Outgoing { get; set; } = [];

    public int OutgoingOffset { get; set; }

    public CancellationTokenSource Abort { get; set; } = new();

    public int RemainingOutput => Outgoing.Length - OutgoingOffset;
}
