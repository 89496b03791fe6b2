using System.Globalization;

using Bench.Visa.Scpi;

using Microsoft.Extensions.Logging;

namespace Bench.Cli.Running;

/// <summary>
/// transcript.log in the run's folder: every SCPI line and every Modbus request/response, time-stamped, so an
/// assessor or a firmware engineer can see what was said to each instrument. Lines arrive before the run's folder is
/// known (the run id needs the meter's serial), so they are held until <see cref="Attach"/>. Each point ends with its
/// progress line (`=== [3/15] P3 … PASS`), so the exchanges of a point on the journal can be found by its id.
/// </summary>
public sealed class TranscriptFile : ILogger, IDisposable
{
    public const string FileName = "transcript.log";

    private readonly Lock _gate = new();
    private readonly List<string> _pending = [];
    private StreamWriter? _writer;

    public void Attach(string directory)
    {
        lock (_gate)
        {
            _writer = new StreamWriter(Path.Combine(directory, FileName), append: true) { AutoFlush = true };
            foreach (var line in _pending)
            {
                _writer.WriteLine(line);
            }

            _pending.Clear();
        }
    }

    public void Scpi(TranscriptEntry entry) =>
        Write(string.Create(CultureInfo.InvariantCulture, $"{entry.At:yyyy-MM-ddTHH:mm:ss.fffZ} {entry.Resource} {(entry.Direction == TranscriptDirection.Sent ? ">" : "<")} {entry.Text}"));

    /// <summary>A point's progress line, written after its exchanges: the transcript reads point by point.</summary>
    public void EndOfPoint(string progressLine) =>
        Write(string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} === {progressLine}"));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} modbus {formatter(state, exception)}"));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            if (_writer is null)
            {
                _pending.Add(line);
            }
            else
            {
                _writer.WriteLine(line);
            }
        }
    }
}
