namespace Bench.Visa.Rpc;

/// <summary>An ONC RPC call that the server denied or did not accept (program unavailable, garbage arguments…).</summary>
public sealed class RpcException(string message) : Exception(message);
