using System.Text.Json;

using Bench.Core.Results;

namespace Bench.Plans.Journal;

/// <summary>
/// The run journal: one JSON line per measured point, flushed to disk before the next point starts, so a crash or a
/// power cut loses at most the point being measured, and <c>--resume</c> picks up where the run stopped.
/// </summary>
public sealed class RunJournal : IAsyncDisposable
{
    public const string FileName = "journal.jsonl";

    private readonly FileStream _stream;

    private RunJournal(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    public static RunJournal OpenForAppend(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, FileName);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
        return new RunJournal(path, stream);
    }

    public async Task AppendAsync(PointResult result, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(result, JournalJson.Options);
        await _stream.WriteAsync(line, cancellationToken);
        await _stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
        _stream.Flush(flushToDisk: true);
    }

    /// <summary>The last result of each point in a journal; points measured twice (after a resume) keep their latest line.</summary>
    public static IReadOnlyDictionary<string, PointResult> Read(string directory)
    {
        var path = System.IO.Path.Combine(directory, FileName);
        var results = new Dictionary<string, PointResult>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return results;
        }

        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            PointResult? result;
            try
            {
                result = JsonSerializer.Deserialize<PointResult>(line, JournalJson.Options);
            }
            catch (JsonException)
            {
                // A line torn by a crash mid-write is the point that was being measured: it is measured again.
                continue;
            }

            if (result is not null)
            {
                results[result.Id] = result;
            }
        }

        return results;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
