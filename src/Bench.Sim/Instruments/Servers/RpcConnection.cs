namespace Bench.Sim.Instruments.Servers;

/// <summary>One client TCP connection to an RPC server; closing it ends the links made over it.</summary>
public sealed class RpcConnection(string peer)
{
    private readonly CancellationTokenSource _closed = new();

    public string Peer { get; } = peer;

    /// <summary>Cancelled when the connection closes (or a fault drops it).</summary>
    public CancellationToken Closed => _closed.Token;

    internal void Close()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
