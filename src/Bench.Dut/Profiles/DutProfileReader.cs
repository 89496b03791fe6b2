using System.Globalization;
using System.Text;

using Bench.Core.Errors;
using Bench.Core.Yaml;
using Bench.Modbus.Data;
using Bench.Modbus.Protocol;

using YamlDotNet.RepresentationModel;

namespace Bench.Dut.Profiles;

/// <summary>Turns the YAML tree of a DUT profile into a <see cref="DutProfile"/>, checking every value where it stands.</summary>
internal static class DutProfileReader
{
    private static readonly Dictionary<string, RegisterType> Types = new(StringComparer.Ordinal)
    {
        ["int16"] = RegisterType.Int16,
        ["uint16"] = RegisterType.UInt16,
        ["int32"] = RegisterType.Int32,
        ["uint32"] = RegisterType.UInt32,
        ["int64"] = RegisterType.Int64,
        ["uint64"] = RegisterType.UInt64,
        ["float32"] = RegisterType.Float32,
        ["utf8"] = RegisterType.Utf8,
        ["datetime"] = RegisterType.DateTime,
        ["4q_fp_pf"] = RegisterType.FourQuadrantPowerFactor,
    };

    private static readonly Dictionary<string, WordOrder> Orders = Enum.GetValues<WordOrder>().ToDictionary(o => o.ToString(), o => o, StringComparer.Ordinal);

    private static readonly Dictionary<string, RegisterNumbering> Numberings = new(StringComparer.Ordinal)
    {
        ["one-based"] = RegisterNumbering.OneBased,
        ["zero-based"] = RegisterNumbering.ZeroBased,
    };

    private static readonly Dictionary<string, RegisterTable> Tables = new(StringComparer.Ordinal)
    {
        ["holding"] = RegisterTable.Holding,
        ["input"] = RegisterTable.Input,
    };

    private static readonly Dictionary<string, MeterQuantity> Quantities = Enum.GetValues<MeterQuantity>().ToDictionary(SnakeCase, q => q, StringComparer.Ordinal);

    private static readonly Dictionary<string, EnergyQuantity> EnergyQuantities = Enum.GetValues<EnergyQuantity>().ToDictionary(SnakeCase, q => q, StringComparer.Ordinal);

    private static readonly Dictionary<string, FirmwareFaultKind> FaultKinds = Enum.GetValues<FirmwareFaultKind>().ToDictionary(SnakeCase, q => q, StringComparer.Ordinal);

    public static DutProfile Read(YamlMap root)
    {
        var accuracy = root.Map("accuracy");
        var ratings = root.Map("ratings");
        var modbus = ReadModbus(root.Map("modbus"));
        var registers = ReadRegisters(root.Map("registers"), modbus);
        var energy = ReadEnergy(root, modbus);
        var identity = ReadIdentity(root.Map("identity"), modbus);
        var simulation = root.OptionalMap("simulation") is { } sim ? ReadSimulation(sim) : SimulationSettings.None;
        var eventLog = root.OptionalMap("event_log") is { } log ? ReadEventLog(log, modbus) : null;
        double? pulseConstant = null;
        if (root.OptionalMap("pulse_output") is { } pulse)
        {
            pulseConstant = Positive(pulse, "constant_imp_per_kwh");
            pulse.RejectUnknownKeys();
        }

        var profile = new DutProfile
        {
            Name = root.String("name"),
            Manufacturer = root.String("manufacturer"),
            Model = root.String("model"),
            AccuracyClass = accuracy.String("class"),
            AccuracyStandard = accuracy.String("standard"),
            NominalCurrentA = Positive(ratings, "nominal_current_a"),
            MaximumCurrentA = Positive(ratings, "maximum_current_a"),
            StartingCurrentA = Positive(ratings, "starting_current_a"),
            NominalVoltageV = Positive(ratings, "nominal_voltage_v"),
            MinimumVoltageV = Positive(ratings, "minimum_voltage_v"),
            MaximumVoltageV = Positive(ratings, "maximum_voltage_v"),
            NominalFrequencyHz = Positive(ratings, "nominal_frequency_hz"),
            MeasuringElements = ratings.Integer("measuring_elements", 1, 4),
            Modbus = modbus,
            Identity = identity,
            Registers = registers,
            EnergyCounters = energy,
            Simulation = simulation,
            EventLog = eventLog,
            PulseConstantImpPerKwh = pulseConstant,
            SourcePath = root.File,
        };
        accuracy.RejectUnknownKeys();
        ratings.RejectUnknownKeys();
        root.OptionalString("schema");
        root.RejectUnknownKeys();

        if (profile.MaximumCurrentA < profile.NominalCurrentA || profile.StartingCurrentA >= profile.NominalCurrentA)
        {
            throw new BenchInputException(ratings.Where, "ratings must satisfy starting current < nominal current ≤ maximum current");
        }

        if (profile.MinimumVoltageV > profile.NominalVoltageV || profile.NominalVoltageV > profile.MaximumVoltageV)
        {
            throw new BenchInputException(ratings.Where, "ratings must satisfy minimum voltage ≤ nominal voltage ≤ maximum voltage");
        }

        CheckGaps(profile);
        return profile;
    }

    internal static string SnakeCase<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder();
        for (var k = 0; k < name.Length; k++)
        {
            var c = name[k];
            var boundary = k > 0 && char.IsUpper(c) && (char.IsLower(name[k - 1]) || (k + 1 < name.Length && char.IsLower(name[k + 1])));

            // VoltageAN → voltage_an: a run of capitals after the first stays one word.
            if (boundary && !(char.IsUpper(name[k - 1]) && k + 1 == name.Length))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static double Positive(YamlMap map, string key)
    {
        var value = map.Number(key);
        if (value <= 0)
        {
            throw new BenchInputException(map.At(map.Node(key)!), $"'{key}' must be positive");
        }

        return value;
    }

    private static ModbusSettings ReadModbus(YamlMap map)
    {
        var numbering = map.Choice("numbering", Numberings);
        var polling = map.Map("polling");
        var gaps = new List<RegisterRange>();
        foreach (var node in polling.OptionalSequence("gaps")?.Children ?? [])
        {
            if (node is not YamlSequenceNode { Children.Count: 2 } pair
                || !TryInt(pair.Children[0], out var first) || !TryInt(pair.Children[1], out var last) || last < first)
            {
                throw new BenchInputException(polling.At(node), "a gap is [first, last] register numbers, first ≤ last");
            }

            var offset = numbering == RegisterNumbering.OneBased ? 1 : 0;
            gaps.Add(new RegisterRange(first - offset, last - offset));
        }

        var limits = new PollingLimits(
            polling.Integer("max_registers_per_read", 1, ModbusLimits.MaxReadRegisters),
            polling.OptionalInteger("max_gap_bridged", 0, ModbusLimits.MaxReadRegisters) ?? 0,
            gaps);
        polling.RejectUnknownKeys();
        var settings = new ModbusSettings(
            numbering,
            map.Choice("word_order", Orders, WordOrder.ABCD),
            map.Choice("table", Tables, RegisterTable.Holding),
            (byte)(map.OptionalInteger("unit_id", 0, 255) ?? 1),
            limits,
            TimeSpan.FromMilliseconds(map.OptionalInteger("timeout_ms", 1, 60000) ?? 1000),
            map.OptionalInteger("retries", 0, 10) ?? 2);
        map.RejectUnknownKeys();
        return settings;
    }

    private static bool TryInt(YamlNode node, out int value)
    {
        value = 0;
        return node is YamlScalarNode { Value: { } t } && int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static Dictionary<MeterQuantity, RegisterPoint> ReadRegisters(YamlMap map, ModbusSettings modbus)
    {
        var result = new Dictionary<MeterQuantity, RegisterPoint>();
        foreach (var (key, keyNode, value) in map.Entries())
        {
            if (!Quantities.TryGetValue(key, out var quantity))
            {
                throw new BenchInputException(map.At(keyNode), $"unknown quantity '{key}'; known: {string.Join(", ", Quantities.Keys)}");
            }

            result[quantity] = ReadPoint(key, YamlMap.Of(map.File, value, key), modbus, unitRequired: true);
        }

        return result;
    }

    private static List<EnergyCounter> ReadEnergy(YamlMap root, ModbusSettings modbus)
    {
        var list = new List<EnergyCounter>();
        foreach (var node in root.OptionalSequence("energy")?.Children ?? [])
        {
            var map = YamlMap.Of(root.File, node, "an energy counter");
            var quantity = map.Choice("quantity", EnergyQuantities);
            var rollover = map.OptionalNumber("rollover");
            var point = ReadPoint(SnakeCase(quantity), map, modbus, unitRequired: true, extraKeys: true);
            if (UnitConversion.BaseUnitOf(point.Unit) is not ("Wh" or "varh" or "VAh"))
            {
                throw new BenchInputException(map.At(map.Node("unit")!), "an energy counter is in Wh, kWh, MWh, varh, kvarh, VAh or kVAh");
            }

            map.RejectUnknownKeys();
            list.Add(new EnergyCounter(quantity, point, rollover));
        }

        return list;
    }

    private static IdentityMap ReadIdentity(YamlMap map, ModbusSettings modbus)
    {
        IdentityField Field(string key)
        {
            var node = map.Node(key) ?? throw new BenchInputException(map.Where, $"missing '{key}'");
            return node is YamlScalarNode s
                ? new IdentityField(null, s.Value ?? string.Empty)
                : new IdentityField(ReadPoint(key, YamlMap.Of(map.File, node, key), modbus, unitRequired: false), null);
        }

        var identity = new IdentityMap(Field("manufacturer"), Field("model"), Field("serial_number"), Field("firmware"));
        map.RejectUnknownKeys();
        return identity;
    }

    private static RegisterPoint ReadPoint(string name, YamlMap map, ModbusSettings modbus, bool unitRequired, bool extraKeys = false)
    {
        var number = map.Integer("register", modbus.Numbering == RegisterNumbering.OneBased ? 1 : 0, modbus.Numbering == RegisterNumbering.OneBased ? 65536 : 65535);
        var type = map.Choice<RegisterType>("type", Types);
        var declaredLength = map.OptionalInteger("length", 1, ModbusLimits.MaxReadRegisters);
        if (type == RegisterType.Utf8 && declaredLength is null)
        {
            throw new BenchInputException(map.Where, "a utf8 register says its 'length' in registers");
        }

        var unit = map.OptionalString("unit") ?? (type == RegisterType.FourQuadrantPowerFactor ? "1" : null);
        if (unit is null && unitRequired && type is not (RegisterType.Utf8 or RegisterType.DateTime))
        {
            throw new BenchInputException(map.Where, $"'{name}' needs a 'unit' ({string.Join(", ", UnitConversion.Known)})");
        }

        if (unit is not null && !UnitConversion.TryGet(unit, out _, out _))
        {
            throw new BenchInputException(map.At(map.Node("unit")!), $"unknown unit '{unit}'; known: {string.Join(", ", UnitConversion.Known)}");
        }

        var address = modbus.Numbering == RegisterNumbering.OneBased ? number - 1 : number;
        var point = new RegisterPoint(
            name,
            number,
            address,
            type,
            RegisterPoint.LengthOf(type, declaredLength),
            map.Choice("order", Orders, modbus.WordOrder),
            map.OptionalNumber("scale") ?? 1,
            unit ?? "1",
            map.Choice("table", Tables, modbus.Table),
            map.Where);
        if (point.LastAddress > 65535)
        {
            throw new BenchInputException(map.Where, "register runs past address 65535");
        }

        if (!extraKeys)
        {
            map.RejectUnknownKeys();
        }

        return point;
    }

    private static EventLogMap ReadEventLog(YamlMap map, ModbusSettings modbus)
    {
        var layout = map.String("layout");
        if (layout != "bench-v1")
        {
            throw new BenchInputException(map.At(map.Node("layout")!), "the only event-log layout is 'bench-v1'");
        }

        var offset = modbus.Numbering == RegisterNumbering.OneBased ? 1 : 0;
        var log = new EventLogMap(
            map.Integer("count_register", offset, 65535 + offset) - offset,
            map.Integer("first_record_register", offset, 65535 + offset) - offset,
            map.Integer("capacity", 1, 1000),
            map.Choice("table", Tables, modbus.Table));
        if (log.LastAddress > 65535)
        {
            throw new BenchInputException(map.Where, "the event log runs past address 65535");
        }

        map.RejectUnknownKeys();
        return log;
    }

    private static SimulationSettings ReadSimulation(YamlMap map)
    {
        var curve = new List<ErrorCurvePoint>();
        foreach (var node in map.OptionalSequence("error_curve")?.Children ?? [])
        {
            var p = YamlMap.Of(map.File, node, "an error curve point");
            var pfText = p.String("pf");
            if (!Core.Quantities.PowerFactor.TryParse(pfText, out var pf))
            {
                throw new BenchInputException(p.At(p.Node("pf")!), $"'{pfText}' is not a power factor like 1, 0.5 L or 0.8 C");
            }

            curve.Add(new ErrorCurvePoint(p.Number("current_percent_of_in"), pf.Value, pf.Kind == Core.Quantities.LoadKind.Capacitive, p.Number("error_percent")));
            p.RejectUnknownKeys();
        }

        var faults = new List<FirmwareFault>();
        foreach (var node in map.OptionalSequence("firmware_faults")?.Children ?? [])
        {
            var f = YamlMap.Of(map.File, node, "a firmware fault");
            faults.Add(new FirmwareFault(
                f.String("firmware"),
                f.Choice("kind", FaultKinds),
                f.OptionalNumber("magnitude") ?? 0,
                f.OptionalNumber("below_current_a") ?? double.PositiveInfinity,
                f.OptionalString("description") ?? string.Empty));
            f.RejectUnknownKeys();
        }

        var instantaneous = map.OptionalMap("instantaneous_error") is { } e ? ReadInstantaneousErrors(e) : InstantaneousErrors.None;
        map.RejectUnknownKeys();
        return new SimulationSettings(curve, faults) { Instantaneous = instantaneous };
    }

    private static InstantaneousErrors ReadInstantaneousErrors(YamlMap map)
    {
        var errors = new InstantaneousErrors
        {
            VoltagePercent = map.OptionalNumber("voltage_percent") ?? 0,
            CurrentPercent = map.OptionalNumber("current_percent") ?? 0,
            NeutralCurrentPercent = map.OptionalNumber("neutral_current_percent") ?? 0,
            FrequencyPercent = map.OptionalNumber("frequency_percent") ?? 0,
            ActivePowerPercent = map.OptionalNumber("active_power_percent") ?? 0,
            ReactivePowerPercent = map.OptionalNumber("reactive_power_percent") ?? 0,
            ApparentPowerPercent = map.OptionalNumber("apparent_power_percent") ?? 0,
            PowerFactorOffset = map.OptionalNumber("power_factor_offset") ?? 0,
            VoltageThdPoints = map.OptionalNumber("voltage_thd_points") ?? 0,
            CurrentThdPoints = map.OptionalNumber("current_thd_points") ?? 0,
            VoltageUnbalancePoints = map.OptionalNumber("voltage_unbalance_points") ?? 0,
            VoltageU2Points = map.OptionalNumber("voltage_u2_points") ?? 0,
            PstPercent = map.OptionalNumber("pst_percent") ?? 0,
        };
        map.RejectUnknownKeys();
        return errors;
    }

    private static void CheckGaps(DutProfile profile)
    {
        foreach (var point in profile.AllPoints)
        {
            if (profile.Modbus.Polling.CrossesGap(point.Address, point.LastAddress))
            {
                throw new BenchInputException(point.DeclaredAt, $"'{point.Name}' lies in a gap the profile forbids reading");
            }
        }
    }
}
