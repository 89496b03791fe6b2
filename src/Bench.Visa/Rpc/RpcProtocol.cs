namespace Bench.Visa.Rpc;

/// <summary>ONC RPC version 2 message constants (RFC 5531) and the portmapper's (RFC 1833, version 2).</summary>
public static class RpcProtocol
{
    public const uint Call = 0;
    public const uint Reply = 1;
    public const uint Version = 2;
    public const uint MsgAccepted = 0;
    public const uint MsgDenied = 1;
    public const uint Success = 0;
    public const uint ProgramUnavailable = 1;
    public const uint ProgramMismatch = 2;
    public const uint ProcedureUnavailable = 3;
    public const uint GarbageArguments = 4;
    public const uint SystemError = 5;

    public const uint PortmapperProgram = 100000;
    public const uint PortmapperVersion = 2;
    public const int PortmapperPort = 111;
    public const uint PortmapperGetPort = 3;
    public const uint PortmapperDump = 4;
    public const uint ProtocolTcp = 6;
    public const uint ProtocolUdp = 17;

    /// <summary>Writes the call header after the record-marking gap; the caller appends the arguments.</summary>
    public static XdrWriter CallHeader(XdrWriter w, uint xid, uint program, uint version, uint procedure) =>
        w.Skip(RpcRecord.HeaderBytes).UInt(xid).UInt(Call).UInt(Version).UInt(program).UInt(version).UInt(procedure)
            .UInt(0).UInt(0) // credentials: AUTH_NULL
            .UInt(0).UInt(0); // verifier: AUTH_NULL

    /// <summary>Writes an accepted reply header with the given accept status after the record-marking gap.</summary>
    public static XdrWriter ReplyHeader(XdrWriter w, uint xid, uint acceptStatus) =>
        w.Skip(RpcRecord.HeaderBytes).UInt(xid).UInt(Reply).UInt(MsgAccepted).UInt(0).UInt(0).UInt(acceptStatus);
}
