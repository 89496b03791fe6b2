using Bench.Visa.Rpc;

namespace Bench.Sim.Instruments.Servers;

/// <summary>One decoded ONC RPC call: header fields and the argument reader positioned after the header.</summary>
public sealed record RpcCall(uint Xid, uint Program, uint Version, uint Procedure, XdrReader Arguments);
