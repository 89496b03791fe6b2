namespace Bench.Sim.Instruments.Servers;

/// <summary>Thrown by a handler to answer with an RPC accept status other than SUCCESS (PROC_UNAVAIL, GARBAGE_ARGS).</summary>
public sealed class RpcServerFault(uint acceptStatus) : Exception($"RPC accept status {acceptStatus}")
{
    public uint AcceptStatus { get; } = acceptStatus;
}
