using System.Text.RegularExpressions;

using Bench.Core.Errors;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bench.Instruments.Profiles;

/// <summary>Maps a profile's YAML onto <see cref="InstrumentProfile"/>, checking as it goes, with the line and column of each problem.</summary>
internal static class ProfileReader
{
    private static readonly string[] TopLevel =
    [
        "schema", "name", "manufacturer", "model", "roles", "checked_against_manual", "verification", "identity", "transport",
        "errors", "init", "safe_state", "watchdog", "settling", "phases", "commands", "ranges", "accuracy", "measure", "energy",
        "pulse", "voltage_event", "events", "thd", "simulation", "notes",
    ];

    private static readonly string[] SourceCommands = ["set_frequency", "set_voltage", "output_on", "output_off"];

    public static InstrumentProfile Read(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new BenchInputException($"{path}:{ex.Start.Line}:{ex.Start.Column}", "not valid YAML: " + (ex.InnerException?.Message ?? ex.Message), ex);
        }

        if (stream.Documents.Count != 1)
        {
            throw new BenchInputException($"{path}:1:1", "an instrument profile is one YAML document");
        }

        var root = new ProfileNode(path, stream.Documents[0].RootNode);
        root.AllowOnly(TopLevel);
        var schema = root.Required("schema");
        if (schema.String() != "bench-instrument-profile/1")
        {
            throw schema.Error($"unsupported schema '{schema.String()}'; expected bench-instrument-profile/1");
        }

        var rolesNode = root.Required("roles");
        var roles = rolesNode.Strings();
        foreach (var r in roles)
        {
            if (r is not (InstrumentProfile.SourceRole or InstrumentProfile.ReferenceRole))
            {
                throw rolesNode.Error($"unknown role '{r}'; expected source or reference");
            }
        }

        var identity = root.Required("identity");
        identity.AllowOnly("idn");
        var idnNode = identity.Required("idn");
        Regex idn;
        try
        {
            idn = new Regex(idnNode.String(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw idnNode.Error("identity pattern is not a valid regular expression: " + ex.Message);
        }

        var commands = new Dictionary<string, CommandTemplate>(StringComparer.Ordinal);
        if (root.Optional("commands") is { } cmds)
        {
            foreach (var (key, value) in cmds.Entries())
            {
                commands[key] = value.Template();
            }
        }

        var errors = root.Optional("errors");
        errors?.AllowOnly("query");
        var settling = root.Optional("settling");
        settling?.AllowOnly("settle_time_s", "use_opc");
        var ranges = root.Optional("ranges");
        ranges?.AllowOnly("voltage", "current", "frequency");
        var accuracy = root.Optional("accuracy");
        accuracy?.AllowOnly("energy", "power");
        var sim = root.Optional("simulation");
        sim?.AllowOnly("idn");

        var profile = new InstrumentProfile
        {
            Path = path,
            Name = root.Required("name").String(),
            Manufacturer = root.Required("manufacturer").String(),
            Model = root.Required("model").String(),
            Roles = roles,
            CheckedAgainstManual = root.Required("checked_against_manual").Boolean(),
            Verification = root.Optional("verification")?.String(),
            IdentityPattern = idn,
            Transport = ReadTransport(root.Optional("transport")),
            ErrorQuery = errors is null ? "SYST:ERR?" : errors.Optional("query")?.String(),
            Init = root.Optional("init")?.Strings() ?? [],
            SafeState = root.Optional("safe_state")?.Strings() ?? [],
            Watchdog = ReadWatchdog(root.Optional("watchdog")),
            SettleTimeS = settling?.Optional("settle_time_s")?.Number(0, 3600),
            UseOperationComplete = settling?.Optional("use_opc")?.Boolean() ?? true,
            Phases = (int)(root.Optional("phases")?.Number(1, 3) ?? 3),
            Commands = commands,
            VoltageRanges = ReadRanges(ranges?.Optional("voltage"), "V"),
            CurrentRanges = ReadRanges(ranges?.Optional("current"), "A"),
            FrequencyRange = ranges?.Optional("frequency") is { } f ? ReadRange(f, "Hz") : null,
            EnergyAccuracy = accuracy?.Optional("energy") is { } ea ? ReadAccuracy(ea) : null,
            PowerAccuracy = accuracy?.Optional("power") is { } pa ? ReadAccuracy(pa) : null,
            Measurement = ReadMeasurement(root.Optional("measure")),
            Energy = ReadEnergy(root.Optional("energy")),
            Pulse = ReadPulse(root.Optional("pulse")),
            Thd = ReadThd(root.Optional("thd")),
            VoltageEvent = ReadVoltageEvent(root.Optional("voltage_event")),
            Events = ReadEvents(root.Optional("events")),
            SimulatedIdentity = sim?.Optional("idn")?.String(),
        };

        if (profile.HasRole(InstrumentProfile.SourceRole))
        {
            var cmdNode = root.Optional("commands") ?? root;
            foreach (var c in SourceCommands.Where(c => !commands.ContainsKey(c)))
            {
                throw cmdNode.Error($"a source profile needs the command '{c}'");
            }

            if (profile.SafeState.Count == 0)
            {
                throw root.Error("a source profile needs 'safe_state' commands (outputs off)");
            }
        }

        if (profile.HasRole(InstrumentProfile.ReferenceRole) && (profile.Measurement is null || profile.Energy is null))
        {
            throw root.Error("a reference profile needs 'measure' and 'energy' sections");
        }

        return profile;
    }

    private static ProfileTransport ReadTransport(ProfileNode? node)
    {
        if (node is null)
        {
            return new ProfileTransport();
        }

        node.AllowOnly("interfaces", "socket_port", "write_termination", "read_termination", "timeout_s", "opc_timeout_s", "baud_rate", "data_bits", "parity", "stop_bits", "flow_control");
        var d = new ProfileTransport();
        return new ProfileTransport
        {
            Interfaces = node.Optional("interfaces")?.Strings() ?? d.Interfaces,
            SocketPort = node.Optional("socket_port") is { } p ? (int)p.Number(1, 65535) : null,
            WriteTermination = node.Optional("write_termination")?.String() ?? d.WriteTermination,
            ReadTermination = node.Optional("read_termination")?.String() ?? d.ReadTermination,
            TimeoutS = node.Optional("timeout_s")?.Number(0.001, 3600) ?? d.TimeoutS,
            OperationCompleteTimeoutS = node.Optional("opc_timeout_s")?.Number(0.001, 3600) ?? d.OperationCompleteTimeoutS,
            BaudRate = node.Optional("baud_rate") is { } b ? (int)b.Number(50, 4_000_000) : d.BaudRate,
            Serial = new Visa.Sessions.SerialSettings
            {
                BaudRate = node.Optional("baud_rate") is { } b2 ? (int)b2.Number(50, 4_000_000) : d.BaudRate,
                DataBits = node.Optional("data_bits") is { } db ? (int)db.Number(5, 8) : 8,
                Parity = node.Optional("parity") is { } par ? Choice(par, SerialParities) : System.IO.Ports.Parity.None,
                StopBits = node.Optional("stop_bits") is { } sb ? Choice(sb, SerialStopBits) : System.IO.Ports.StopBits.One,
                FlowControl = node.Optional("flow_control") is { } fc ? Choice(fc, SerialFlowControls) : System.IO.Ports.Handshake.None,
            },
        };
    }

    private static readonly Dictionary<string, System.IO.Ports.Parity> SerialParities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = System.IO.Ports.Parity.None,
        ["odd"] = System.IO.Ports.Parity.Odd,
        ["even"] = System.IO.Ports.Parity.Even,
        ["mark"] = System.IO.Ports.Parity.Mark,
        ["space"] = System.IO.Ports.Parity.Space,
    };

    private static readonly Dictionary<string, System.IO.Ports.StopBits> SerialStopBits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1"] = System.IO.Ports.StopBits.One,
        ["1.5"] = System.IO.Ports.StopBits.OnePointFive,
        ["2"] = System.IO.Ports.StopBits.Two,
    };

    private static readonly Dictionary<string, System.IO.Ports.Handshake> SerialFlowControls = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = System.IO.Ports.Handshake.None,
        ["xonxoff"] = System.IO.Ports.Handshake.XOnXOff,
        ["rtscts"] = System.IO.Ports.Handshake.RequestToSend,
    };

    private static T Choice<T>(ProfileNode node, Dictionary<string, T> choices) =>
        choices.TryGetValue(node.String(), out var v) ? v : throw node.Error($"'{node.String()}' is not one of: {string.Join(", ", choices.Keys)}");

    private static WatchdogSpec? ReadWatchdog(ProfileNode? node)
    {
        if (node is null)
        {
            return null;
        }

        node.AllowOnly("enable", "disable", "keep_alive", "timeout_s", "off_on_disconnect");
        return new WatchdogSpec(
            node.Optional("enable")?.Template(),
            node.Optional("disable")?.Template(),
            node.Optional("keep_alive")?.Template(),
            node.Required("timeout_s").Number(0, 86400),
            node.Optional("off_on_disconnect")?.Boolean() ?? false);
    }

    private static IReadOnlyList<RangeSpec> ReadRanges(ProfileNode? node, string quantity) =>
        node is null ? [] : node.Items().Select(i => ReadRange(i, quantity)).ToArray();

    private static RangeSpec ReadRange(ProfileNode node, string quantity)
    {
        node.AllowOnly("min", "max", "resolution", "ppm_of_reading", "ppm_of_range", "percent_of_reading", "percent_of_range");
        var min = node.Optional("min")?.Number() ?? 0;
        var max = node.Required("max").Number();
        if (max <= min)
        {
            throw node.Error($"range max {max} must be above min {min}");
        }

        var hasAccuracy = node.Optional("ppm_of_reading") is not null || node.Optional("percent_of_reading") is not null;
        return new RangeSpec(quantity, min, max, node.Optional("resolution")?.Number(), hasAccuracy ? ReadTerm(node) : null);
    }

    private static AccuracySpec ReadAccuracy(ProfileNode node)
    {
        node.AllowOnly("pf1", "pf05", "coverage_k", "distribution");
        var pf1 = ReadTerm(node.Required("pf1"));
        var pf05 = node.Optional("pf05") is { } h ? ReadTerm(h) : pf1;
        var k = node.Optional("coverage_k")?.Number(1, 3) ?? 2;
        var dist = node.Optional("distribution")?.String() ?? (k == 2 ? "normal" : "rectangular");
        if (dist is not ("normal" or "rectangular"))
        {
            throw node.Required("distribution").Error($"distribution '{dist}' must be normal or rectangular");
        }

        return new AccuracySpec(pf1, pf05, k, dist);
    }

    private static AccuracyTerm ReadTerm(ProfileNode node)
    {
        var rdg = node.Optional("ppm_of_reading")?.Number(0, 1e6);
        var rng = node.Optional("ppm_of_range")?.Number(0, 1e6);
        var prdg = node.Optional("percent_of_reading")?.Number(0, 100);
        var prng = node.Optional("percent_of_range")?.Number(0, 100);
        if (rdg is null && prdg is null)
        {
            throw node.Error("an accuracy needs ppm_of_reading or percent_of_reading");
        }

        return new AccuracyTerm((rdg ?? 0) + ((prdg ?? 0) * 1e4), (rng ?? 0) + ((prng ?? 0) * 1e4));
    }

    private static MeasurementSpec? ReadMeasurement(ProfileNode? node)
    {
        if (node is null)
        {
            return null;
        }

        node.AllowOnly("setup", "query", "fields", "queries");
        var queries = new List<FieldQuery>();
        if (node.Optional("query") is not null)
        {
            queries.Add(ReadFieldQuery(node));
        }

        foreach (var q in node.Optional("queries")?.Items() ?? [])
        {
            q.AllowOnly("query", "fields");
            queries.Add(ReadFieldQuery(q));
        }

        if (queries.Count == 0)
        {
            throw node.Error("'measure' needs a query (query + fields, or a list of queries)");
        }

        return new MeasurementSpec(node.Optional("setup")?.Strings() ?? [], queries);
    }

    private static FieldQuery ReadFieldQuery(ProfileNode node) =>
        new(node.Required("query").Template(), ReadFields(node.Required("fields"), MeasurementSpec.KnownFields));

    private static PulseSpec? ReadPulse(ProfileNode? node)
    {
        if (node is null)
        {
            return null;
        }

        node.AllowOnly("start", "query", "stop");
        return new PulseSpec(node.Required("start").Strings(), node.Required("query").Template(), node.Optional("stop")?.Strings() ?? []);
    }

    private static ThdSpec? ReadThd(ProfileNode? node)
    {
        if (node is null)
        {
            return null;
        }

        node.AllowOnly("setup", "query", "fields", "method", "accuracy");
        var fieldsNode = node.Required("fields");
        var fields = ReadFields(fieldsNode, ThdSpec.KnownFields);
        if (fields.All(f => f == "-"))
        {
            throw fieldsNode.Error("thd fields need at least one of THDU1..3, THDI1..3");
        }

        var accuracy = node.Optional("accuracy");
        accuracy?.AllowOnly("percentage_points", "coverage_k");
        return new ThdSpec(
            node.Optional("setup")?.Strings() ?? [],
            node.Required("query").Template(),
            fields,
            node.Required("method").String(),
            accuracy?.Required("percentage_points").Number(0, 100),
            accuracy?.Optional("coverage_k")?.Number(1, 3) ?? 2);
    }

    private static VoltageEventSpec? ReadVoltageEvent(ProfileNode? node)
    {
        if (node is null)
        {
            return null;
        }

        node.AllowOnly("prepare", "run", "restore");
        static IReadOnlyList<CommandTemplate> Templates(ProfileNode? n) =>
            n is null ? [] : n.Node is YamlDotNet.RepresentationModel.YamlScalarNode ? [n.Template()] : n.Items().Select(i => i.Template()).ToArray();
        return new VoltageEventSpec(Templates(node.Optional("prepare")), Templates(node.Required("run")), Templates(node.Optional("restore")));
    }

    private static EventRecorderSpec? ReadEvents(ProfileNode? node)
    {
        if (node is null)
        {
            return null;
        }

        node.AllowOnly("arm", "count", "query", "fields");
        var armNode = node.Required("arm");
        var arm = armNode.Node is YamlDotNet.RepresentationModel.YamlScalarNode ? [armNode.Template()] : armNode.Items().Select(i => i.Template()).ToArray();
        var fieldsNode = node.Required("fields");
        var fields = ReadFields(fieldsNode, EventRecorderSpec.KnownFields);
        foreach (var f in EventRecorderSpec.RequiredFields.Where(f => !fields.Contains(f)))
        {
            throw fieldsNode.Error($"event fields need {f}");
        }

        var query = node.Required("query");
        if (!query.Template().Placeholders.Contains("index"))
        {
            throw query.Error("the event query needs an {index} placeholder (events are read one by one, from 1)");
        }

        return new EventRecorderSpec(arm, node.Required("count").Template(), query.Template(), fields);
    }

    private static EnergySpec? ReadEnergy(ProfileNode? node)
    {
        if (node is null)
        {
            return null;
        }

        node.AllowOnly("start", "stop", "query", "fields", "apparent_definition");
        var fieldsNode = node.Required("fields");
        var fields = ReadFields(fieldsNode, EnergySpec.KnownFields);
        if (!fields.Contains("WH") && !fields.Contains("KWH"))
        {
            throw fieldsNode.Error("energy fields need WH or KWH");
        }

        var spec = new EnergySpec(node.Required("start").Strings(), node.Required("stop").Strings(), node.Required("query").Template(), fields)
        {
            ApparentDefinition = node.Optional("apparent_definition")?.String(),
        };
        if (spec.HasApparentEnergy && spec.ApparentDefinition is null)
        {
            throw fieldsNode.Error("a VAH or KVAH field needs 'apparent_definition' (arithmetic or vector apparent power, as the manual states)");
        }

        return spec;
    }

    private static IReadOnlyList<string> ReadFields(ProfileNode node, IReadOnlyList<string> known)
    {
        var fields = node.Strings();
        foreach (var f in fields.Where(f => !known.Contains(f)))
        {
            throw node.Error($"unknown field '{f}'; expected one of: {string.Join(", ", known)}");
        }

        return fields;
    }
}
