using System.Globalization;
using System.Text.RegularExpressions;

using Bench.Instruments.Profiles;
using Bench.Visa.Scpi;

namespace Bench.Sim.Instruments.Scpi;

/// <summary>
/// The SCPI engine of a simulated instrument: accepts exactly the dialect of its profile (each command template becomes a
/// matcher accepting long, short and bracket-less forms), answers the IEEE 488.2 common commands, keeps an error queue,
/// and injects the configured faults. Subclasses give the profile's named commands their meaning.
/// </summary>
public abstract class ScpiDevice
{
    private const int ErrorQueueDepth = 20;
    private static readonly Regex StandardErrorQuery = new(@"^:?SYST(?:EM)?:ERR(?:OR)?(?::NEXT)?\?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private readonly Queue<ScpiError> _errors = new();
    private readonly List<(string Name, Regex Matcher)> _commands = [];
    private readonly Regex? _errorQuery;

    protected ScpiDevice(InstrumentProfile profile, string serial, SimulatedFaults faults)
    {
        Profile = profile;
        Faults = faults;
        Identity = (profile.SimulatedIdentity ?? $"{profile.Manufacturer},{profile.Model},{{serial}},SIM").Replace("{serial}", serial, StringComparison.Ordinal);
        _errorQuery = profile.ErrorQuery is { } q ? new CommandTemplate(q).BuildMatcher(compiled: true) : null;
        foreach (var (name, template) in profile.Commands)
        {
            _commands.Add((name, template.BuildMatcher(compiled: true)));
        }

        if (profile.Measurement is { } m)
        {
            _commands.AddRange(m.Queries.Select(q => ("query_fields:" + q.Query.Text, q.Query.BuildMatcher(compiled: true))));
            _commands.AddRange(m.Setup.Select(s => ("measure_setup", new CommandTemplate(s).BuildMatcher(compiled: true))));
        }

        if (profile.Pulse is { } pulse)
        {
            _commands.Add(("pulse_query", pulse.Query.BuildMatcher(compiled: true)));
            _commands.AddRange(pulse.Start.Select(s => ("pulse_start", new CommandTemplate(s).BuildMatcher(compiled: true))));
            _commands.AddRange(pulse.Stop.Select(s => ("literal", new CommandTemplate(s).BuildMatcher(compiled: true))));
        }

        if (profile.VoltageEvent is { } ve)
        {
            _commands.AddRange(ve.Prepare.Select(t => ("event_prepare", t.BuildMatcher(compiled: true))));
            _commands.AddRange(ve.Run.Select(t => ("event_run", t.BuildMatcher(compiled: true))));
            _commands.AddRange(ve.Restore.Select(t => ("event_restore", t.BuildMatcher(compiled: true))));
        }

        if (profile.Events is { } ev)
        {
            _commands.AddRange(ev.Arm.Select(t => ("events_arm", t.BuildMatcher(compiled: true))));
            _commands.Add(("events_count", ev.Count.BuildMatcher(compiled: true)));
            _commands.Add(("events_query", ev.Query.BuildMatcher(compiled: true)));
        }

        if (profile.Thd is { } thd)
        {
            // A field query like the others: it may share its text with the measurement (Yokogawa's numeric items).
            _commands.Add(("query_fields:" + thd.Query.Text, thd.Query.BuildMatcher(compiled: true)));
            _commands.AddRange(thd.Setup.Select(s => ("literal", new CommandTemplate(s).BuildMatcher(compiled: true))));
        }

        if (profile.Energy is { } e)
        {
            _commands.Add(("query_fields:" + e.Query.Text, e.Query.BuildMatcher(compiled: true)));
            _commands.AddRange(e.Start.Select((s, i) => (i == e.Start.Count - 1 ? "energy_start" : "energy_reset", new CommandTemplate(s).BuildMatcher(compiled: true))));
            _commands.AddRange(e.Stop.Select(s => ("energy_stop", new CommandTemplate(s).BuildMatcher(compiled: true))));
        }

        _commands.AddRange(profile.Init.Concat(profile.SafeState).Select(s => ("literal", new CommandTemplate(s).BuildMatcher(compiled: true))));
        if (profile.Watchdog is { } wd)
        {
            foreach (var (name, t) in new[] { ("watchdog_enable", wd.Enable), ("watchdog_disable", wd.Disable), ("watchdog_keepalive", wd.KeepAlive) })
            {
                if (t is not null)
                {
                    _commands.Add((name, t.BuildMatcher(compiled: true)));
                }
            }
        }
    }

    public InstrumentProfile Profile { get; }

    public SimulatedFaults Faults { get; }

    /// <summary>The *IDN? reply.</summary>
    public string Identity { get; }

    protected Lock Gate { get; } = new();

    /// <summary>Runs one received message (commands separated by ';') and returns the reply to send.</summary>
    public async Task<DeviceReply> ProcessAsync(string message, SimulatedConnection connection, CancellationToken cancellationToken)
    {
        if (Faults.TakeDrop())
        {
            return DeviceReply.Disconnect;
        }

        var replies = new List<string>();
        foreach (var part in message.Split(';'))
        {
            var command = part.Trim();
            if (command.Length == 0)
            {
                continue;
            }

            string? reply;
            lock (Gate)
            {
                reply = Execute(command, connection);
            }

            if (reply is not null)
            {
                replies.Add(reply);
            }
        }

        if (replies.Count == 0 || Faults.Mute)
        {
            return DeviceReply.None;
        }

        if (Faults.ReplyDelay > TimeSpan.Zero)
        {
            await Task.Delay(Faults.ReplyDelay, cancellationToken).ConfigureAwait(false);
        }

        return new DeviceReply(Faults.TakeGarble() ? "\u0001\u00FE#9garbage" + Guid.NewGuid().ToString("N")[..6] : string.Join(";", replies), false);
    }

    /// <summary>A connection went away (closed by the client, dropped, or timed out).</summary>
    public virtual void OnDisconnected(SimulatedConnection connection)
    {
    }

    /// <summary>Gives a named profile command its meaning; returns the reply for queries, null for commands.</summary>
    protected abstract string? Handle(string name, Match match, SimulatedConnection connection);

    protected void PushError(int code, string message)
    {
        if (_errors.Count >= ErrorQueueDepth - 1)
        {
            if (_errors.Count == ErrorQueueDepth - 1)
            {
                _errors.Enqueue(new ScpiError(-350, "Queue overflow"));
            }

            return;
        }

        _errors.Enqueue(new ScpiError(code, message));
    }

    protected static double Number(Match match, string group) =>
        double.Parse(match.Groups[group].Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    protected static string Format(double value) => (value == 0 ? 0 : value).ToString("R", CultureInfo.InvariantCulture);

    protected virtual void Reset()
    {
    }

    /// <summary>Called (under <see cref="Gate"/>) for every command received, before it is run: watchdogs re-arm here.</summary>
    protected virtual void OnCommand(SimulatedConnection connection)
    {
    }

    /// <summary>Called (under <see cref="Gate"/>) after every command has run.</summary>
    protected virtual void AfterCommand()
    {
    }

    private string? Execute(string command, SimulatedConnection connection)
    {
        OnCommand(connection);
        try
        {
            return Dispatch(command, connection);
        }
        finally
        {
            AfterCommand();
        }
    }

    private string? Dispatch(string command, SimulatedConnection connection)
    {
        if (Faults.ErrorOnCommand is { } bad && command.TrimStart(':').StartsWith(bad.TrimStart(':'), StringComparison.OrdinalIgnoreCase))
        {
            PushError(Faults.InjectedErrorCode, Faults.InjectedErrorMessage);
            return command.Contains('?', StringComparison.Ordinal) ? "0" : null;
        }

        switch (command.ToUpperInvariant())
        {
            case "*IDN?":
                return Identity;
            case "*CLS":
                _errors.Clear();
                return null;
            case "*RST":
                Reset();
                return null;
            case "*OPC?":
                return "1";
            case "*OPC" or "*WAI":
                return null;
            case "*ESR?":
                return "0";
            case "*TST?":
                return "0";
        }

        if ((_errorQuery?.IsMatch(command) ?? false) || StandardErrorQuery.IsMatch(command))
        {
            return _errors.TryDequeue(out var e) ? e.ToString() : "0,\"No error\"";
        }

        foreach (var (name, matcher) in _commands)
        {
            var m = matcher.Match(command);
            if (!m.Success)
            {
                continue;
            }

            try
            {
                return Handle(name, m, connection);
            }
            catch (ArgumentOutOfRangeException)
            {
                PushError(-222, "Data out of range");
                return command.Contains('?', StringComparison.Ordinal) ? "9.91E37" : null;
            }
        }

        PushError(-113, "Undefined header");
        return null;
    }
}
