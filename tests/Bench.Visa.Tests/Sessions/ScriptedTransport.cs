using Bench.Visa.Transports;

namespace Bench.Visa.Tests.Sessions;

/// <summary>A transport that replays canned chunks (with or without END) and records what was written.</summary>
internal sealed class ScriptedTransport : IMessageTransport
{
    private readonly Queue<(byte[] Data, bool End)> _chunks = new();

    public string Resource => "TEST::SCRIPTED";

    public TimeSpan Timeout { get; set; }

    public byte? TermChar { get; set; }

    public List<(byte[] Data, bool End)> Written { get; } = [];

    public void Enqueue(string text, bool end) => _chunks.Enqueue((System.Text.Encoding.Latin1.GetBytes(text), end));

    public void Enqueue(byte[] bytes, bool end) => _chunks.Enqueue((bytes, end));

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, bool end, CancellationToken cancellationToken)
    {
        Written.Add((data.ToArray(), end));
        return ValueTask.CompletedTask;
    }

    public async ValueTask<TransportRead> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (!_chunks.TryPeek(out var chunk))
        {
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
        }

        var n = Math.Min(buffer.Length, chunk.Data.Length);
        chunk.Data.AsSpan(0, n).CopyTo(buffer.Span);
        if (n == chunk.Data.Length)
        {
            _chunks.Dequeue();
            return new TransportRead(n, chunk.End);
        }

        _chunks.Dequeue();
        var rest = chunk.Data[n..];
        var remaining = _chunks.ToArray();
        _chunks.Clear();
        _chunks.Enqueue((rest, chunk.End));
        foreach (var c in remaining)
        {
            _chunks.Enqueue(c);
        }

        return new TransportRead(n, false);
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        _chunks.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
