namespace Bench.Sim.Instruments.Scpi;

/// <summary>What a simulated device answers to one message: nothing, a text reply, or a dropped connection (injected fault).</summary>
public readonly record struct DeviceReply(string? Text, bool Drop)
{
    public static DeviceReply None => default;

    public static DeviceReply Disconnect => new(null, true);
}
