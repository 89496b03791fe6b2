using System.Globalization;

using Bench.Core.Errors;
using Bench.Visa.Sessions;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bench.Visa.Scpi;

/// <summary>
/// SCPI on a message session: commands and queries with invariant-culture numbers, *OPC? synchronisation, the error
/// queue drained after every configuration step and raised naming the command, and a transcript (Debug log + event).
/// Each call holds the session's I/O lock from the command to its last reply.
/// </summary>
public sealed class ScpiSession : IAsyncDisposable
{
    private readonly ILogger _log;

    public ScpiSession(MessageSession session, ScpiSessionOptions? options = null, ILogger? logger = null)
    {
        Session = session;
        Options = options ?? new ScpiSessionOptions();
        _log = logger ?? NullLogger.Instance;
    }

    public MessageSession Session { get; }

    public ScpiSessionOptions Options { get; }

    public string Resource => Session.Resource;

    /// <summary>Every line sent and received, for the run journal.</summary>
    public event Action<TranscriptEntry>? Transcript;

    public static async Task<ScpiSession> OpenAsync(string resource, VisaSessionOptions? visa, ScpiSessionOptions? scpi, ILogger? logger, CancellationToken cancellationToken)
    {
        var session = await VisaOpener.OpenAsync(resource, visa, cancellationToken).ConfigureAwait(false);
        return new ScpiSession(session, scpi, logger);
    }

    /// <summary>Sends a command without looking at the error queue.</summary>
    public async Task WriteAsync(string command, CancellationToken cancellationToken)
    {
        using var io = await Session.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await SendAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> QueryAsync(string query, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var io = await Session.AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await ExchangeAsync(query, cancellationToken, timeout).ConfigureAwait(false);
    }

    public async Task<double> QueryDoubleAsync(string query, CancellationToken cancellationToken)
    {
        var reply = await QueryAsync(query, cancellationToken).ConfigureAwait(false);
        var values = ParseNumbers(query, reply);
        if (values.Length != 1)
        {
            throw new InstrumentFaultException(Resource, $"garbled reply to '{query}': expected one number, got '{reply}'");
        }

        return values[0];
    }

    /// <summary>A comma-separated list of numbers (quotes around the list are tolerated, as the 6105A sends them).</summary>
    public async Task<double[]> QueryDoublesAsync(string query, CancellationToken cancellationToken)
    {
        var reply = await QueryAsync(query, cancellationToken).ConfigureAwait(false);
        return ParseNumbers(query, reply);
    }

    public async Task<byte[]> QueryBlockAsync(string query, CancellationToken cancellationToken)
    {
        using var io = await Session.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await SendAsync(query, cancellationToken).ConfigureAwait(false);
        var block = await Guard(query, () => Session.ReadBlockAsync(cancellationToken)).ConfigureAwait(false);
        Record(TranscriptDirection.Received, $"<block of {block.Length} bytes>");
        return block;
    }

    /// <summary>One configuration step: sends the command, then drains the error queue and raises what it held, naming the command.</summary>
    public async Task ConfigureAsync(string command, CancellationToken cancellationToken)
    {
        using var io = await Session.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await SendAsync(command, cancellationToken).ConfigureAwait(false);
        var errors = await DrainLockedAsync(cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            throw new InstrumentFaultException(Resource, $"'{command}' was refused: {string.Join("; ", errors)}");
        }
    }

    /// <summary>Reads the error queue until it reports code 0.</summary>
    public async Task<IReadOnlyList<ScpiError>> DrainErrorsAsync(CancellationToken cancellationToken)
    {
        using var io = await Session.AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await DrainLockedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>*OPC?: returns when the instrument has finished every pending operation.</summary>
    public async Task WaitOperationCompleteAsync(CancellationToken cancellationToken)
    {
        var reply = await QueryAsync("*OPC?", cancellationToken, Options.OperationCompleteTimeout).ConfigureAwait(false);
        if (reply.Trim().TrimStart('+') != "1")
        {
            throw new InstrumentFaultException(Resource, $"garbled reply to '*OPC?': '{reply}'");
        }
    }

    public Task<string> IdentifyAsync(CancellationToken cancellationToken) => QueryAsync("*IDN?", cancellationToken);

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        using var io = await Session.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await Session.ClearAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => Session.DisposeAsync();

    /// <summary>Parses <c>-113,"Undefined header"</c>; tolerates a missing message and a leading '+'.</summary>
    public static bool TryParseError(string reply, out ScpiError error)
    {
        var text = reply.Trim();
        var comma = text.IndexOf(',');
        var codeText = comma < 0 ? text : text[..comma];
        if (!int.TryParse(codeText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
        {
            error = new ScpiError(0, string.Empty);
            return false;
        }

        var message = comma < 0 ? string.Empty : text[(comma + 1)..].Trim().Trim('"');
        error = new ScpiError(code, message);
        return true;
    }

    private async Task<IReadOnlyList<ScpiError>> DrainLockedAsync(CancellationToken cancellationToken)
    {
        if (Options.ErrorQuery is not { } query)
        {
            return [];
        }

        var errors = new List<ScpiError>();
        for (var n = 0; n < Options.MaxErrorsPerDrain; n++)
        {
            var reply = await ExchangeAsync(query, cancellationToken, null).ConfigureAwait(false);
            if (!TryParseError(reply, out var error))
            {
                throw new InstrumentFaultException(Resource, $"garbled reply to '{query}': '{reply}'");
            }

            if (error.Code == 0)
            {
                return errors;
            }

            errors.Add(error);
        }

        throw new InstrumentFaultException(Resource, $"error queue still not empty after {Options.MaxErrorsPerDrain} reads: {string.Join("; ", errors)}");
    }

    private async Task<string> ExchangeAsync(string query, CancellationToken cancellationToken, TimeSpan? timeout)
    {
        await SendAsync(query, cancellationToken).ConfigureAwait(false);
        var reply = await Guard(query, () => Session.ReadStringAsync(cancellationToken, timeout)).ConfigureAwait(false);
        Record(TranscriptDirection.Received, reply);
        return reply;
    }

    private async Task SendAsync(string command, CancellationToken cancellationToken)
    {
        Record(TranscriptDirection.Sent, command);
        await Guard(command, () => Session.WriteAsync(command, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<T> Guard<T>(string command, Func<Task<T>> io)
    {
        try
        {
            return await io().ConfigureAwait(false);
        }
        catch (InstrumentFaultException ex)
        {
            throw Named(command, ex);
        }
    }

    private async Task Guard(string command, Func<Task> io)
    {
        try
        {
            await io().ConfigureAwait(false);
        }
        catch (InstrumentFaultException ex)
        {
            throw Named(command, ex);
        }
    }

    private InstrumentFaultException Named(string command, InstrumentFaultException ex)
    {
        var reason = ex.Message.StartsWith(ex.Resource + ": ", StringComparison.Ordinal) ? ex.Message[(ex.Resource.Length + 2)..] : ex.Message;
        return new InstrumentFaultException(Resource, $"{reason} (command '{command}')", ex);
    }

    private double[] ParseNumbers(string query, string reply)
    {
        var text = reply.Trim().Trim('"');
        var parts = text.Split(',');
        var values = new double[parts.Length];
        for (var k = 0; k < parts.Length; k++)
        {
            if (!ScpiNumber.TryParse(parts[k], out values[k]))
            {
                throw new InstrumentFaultException(Resource, $"garbled reply to '{query}': '{reply}' is not a list of numbers");
            }
        }

        return values;
    }

    private void Record(TranscriptDirection direction, string text)
    {
        if (_log.IsEnabled(LogLevel.Debug))
        {
            _log.LogDebug("{Resource} {Direction} {Text}", Resource, direction == TranscriptDirection.Sent ? "->" : "<-", text);
        }

        Transcript?.Invoke(new TranscriptEntry(DateTimeOffset.UtcNow, Resource, direction, text));
    }
}
