using System.Globalization;

using Bench.Core.Errors;
using Bench.Core.Identity;
using Bench.Core.Quantities;
using Bench.Dut.Events;
using Bench.Dut.Profiles;
using Bench.Modbus.Client;
using Bench.Modbus.Errors;
using Bench.Modbus.Protocol;
using Bench.Modbus.Transport;

namespace Bench.Dut.Meter;

/// <summary>
/// A meter under test read over Modbus TCP or RTU through its <see cref="DutProfile"/>: identity registers, energy
/// counters (converted to Wh/varh) and instantaneous values (kW → W etc., PF decoded from 4Q_FP_PF), read in the blocks
/// the profile's polling limits allow. Every Modbus failure surfaces as <see cref="InstrumentFaultException"/>.
/// </summary>
public sealed class ModbusMeter : IMeterUnderTest
{
    private readonly ModbusClient _client;
    private readonly byte _unitId;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<ReadBlock> _snapshotPlan;

    private static readonly MeterQuantity[][] PerPhase =
    [
        [MeterQuantity.VoltageAN, MeterQuantity.CurrentA, MeterQuantity.ActivePowerA, MeterQuantity.ReactivePowerA, MeterQuantity.ApparentPowerA, MeterQuantity.PowerFactorA],
        [MeterQuantity.VoltageBN, MeterQuantity.CurrentB, MeterQuantity.ActivePowerB, MeterQuantity.ReactivePowerB, MeterQuantity.ApparentPowerB, MeterQuantity.PowerFactorB],
        [MeterQuantity.VoltageCN, MeterQuantity.CurrentC, MeterQuantity.ActivePowerC, MeterQuantity.ReactivePowerC, MeterQuantity.ApparentPowerC, MeterQuantity.PowerFactorC],
    ];

    /// <summary>What a snapshot reads: the per-phase values and the frequency; THD and the rest only on request.</summary>
    private static readonly HashSet<MeterQuantity> SnapshotQuantities = [.. PerPhase.SelectMany(q => q), MeterQuantity.Frequency];

    private ModbusMeter(DutProfile profile, string resource, ModbusClient client, byte unitId, TimeProvider time)
    {
        Profile = profile;
        Resource = resource;
        _client = client;
        _unitId = unitId;
        _time = time;
        var points = profile.Registers.Where(r => SnapshotQuantities.Contains(r.Key)).Select(r => r.Value).ToList();
        if (profile.Energy(EnergyQuantity.ActiveDelivered) is { } active)
        {
            points.Add(active.Point);
        }

        if (profile.Energy(EnergyQuantity.ReactiveDelivered) is { } reactive)
        {
            points.Add(reactive.Point);
        }

        if (profile.Energy(EnergyQuantity.ReactiveReceived) is { } reactiveReceived)
        {
            points.Add(reactiveReceived.Point);
        }

        _snapshotPlan = ReadPlanner.Plan(points, profile.Modbus.Polling);
    }

    public string Resource { get; }

    public DutProfile Profile { get; }

    /// <summary>The reads one snapshot takes.</summary>
    public IReadOnlyList<ReadBlock> SnapshotPlan => _snapshotPlan;

    public static Task<ModbusMeter> ConnectAsync(DutProfile profile, string resource, CancellationToken ct) =>
        ConnectAsync(profile, resource, new ModbusMeterOptions(), ct);

    /// <summary>
    /// Opens the link named by <paramref name="resource"/> (see <see cref="ModbusResource"/>). A malformed resource is a
    /// <see cref="BenchInputException"/>; a meter that cannot be reached is an <see cref="InstrumentFaultException"/>.
    /// </summary>
    public static async Task<ModbusMeter> ConnectAsync(DutProfile profile, string resource, ModbusMeterOptions options, CancellationToken ct)
    {
        var parsed = ModbusResource.Parse(resource);
        var clientOptions = new ModbusClientOptions { Timeout = options.Timeout ?? profile.Modbus.Timeout, Retries = options.Retries ?? profile.Modbus.Retries };
        IModbusTransport transport;
        try
        {
            transport = parsed.IsTcp
                ? await ModbusTcpTransport.ConnectAsync(parsed.Host, parsed.Port, clientOptions.Timeout, ct).ConfigureAwait(false)
                : ModbusRtuTransport.Open(parsed.SerialPort, parsed.BaudRate, parsed.Parity, parsed.StopBits);
        }
        catch (ModbusException e)
        {
            throw new InstrumentFaultException(resource, $"cannot reach the meter: {e.Message}", e);
        }

        var client = new ModbusClient(transport, clientOptions, options.Logger);
        return new ModbusMeter(profile, resource, client, parsed.UnitId ?? profile.Modbus.UnitId, options.Time);
    }

    public async Task<MeterIdentity> ReadIdentityAsync(CancellationToken cancellationToken)
    {
        var identity = Profile.Identity;
        var fields = new[] { identity.Manufacturer, identity.Model, identity.SerialNumber, identity.Firmware };
        var points = fields.Select(f => f.Point).OfType<RegisterPoint>().ToList();
        var values = await ReadAsync(ReadPlanner.Plan(points, Profile.Modbus.Polling), cancellationToken).ConfigureAwait(false);
        string Text(IdentityField f) => f.Point is { } p ? PointDecoder.Text(p, values[p]) : f.FixedText ?? string.Empty;
        return new MeterIdentity(Text(identity.Manufacturer), Text(identity.Model), Text(identity.SerialNumber), Text(identity.Firmware));
    }

    public async Task<MeterSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        var values = await ReadAsync(_snapshotPlan, cancellationToken).ConfigureAwait(false);
        var time = _time.GetUtcNow();
        var active = Profile.Energy(EnergyQuantity.ActiveDelivered)
            ?? throw new BenchInputException(Profile.SourcePath, "the profile maps no active_delivered energy counter");
        var activeWh = PointDecoder.InBaseUnit(active.Point, values[active.Point]);
        if (!double.IsFinite(activeWh))
        {
            throw new InstrumentFaultException(Resource, $"energy register {active.Point.Number} reads 'not available'");
        }

        double? reactiveVarh = Profile.Energy(EnergyQuantity.ReactiveDelivered) is { } reactive
            ? PointDecoder.InBaseUnit(reactive.Point, values[reactive.Point])
            : null;
        double? reactiveReceivedVarh = Profile.Energy(EnergyQuantity.ReactiveReceived) is { } received
            ? PointDecoder.InBaseUnit(received.Point, values[received.Point])
            : null;
        return new MeterSnapshot(time, activeWh, reactiveVarh, Instantaneous(values))
        {
            ReactiveEnergyReceivedVarh = reactiveReceivedVarh,
            EnergyResolutionWh = PointDecoder.ResolutionInBaseUnit(active.Point, values[active.Point]),
            EnergyRolloverWh = active.Rollover is { } r ? r * UnitConversion.ToBase(active.Point.Unit) : null,
        };
    }

    /// <summary>Reads any mapped points (e.g. THD, the float energy counter) in as few requests as allowed.</summary>
    public async Task<IReadOnlyDictionary<RegisterPoint, double>> ReadValuesAsync(IEnumerable<RegisterPoint> points, CancellationToken cancellationToken)
    {
        var list = points.ToList();
        var values = await ReadAsync(ReadPlanner.Plan(list, Profile.Modbus.Polling), cancellationToken).ConfigureAwait(false);
        return list.ToDictionary(p => p, p => PointDecoder.InBaseUnit(p, values[p]));
    }

    /// <summary>Reads the PQ event log (layout bench-v1, oldest first); empty when the profile maps none.</summary>
    public async Task<IReadOnlyList<PqEvent>> ReadEventsAsync(CancellationToken cancellationToken)
    {
        if (Profile.EventLog is not { } log)
        {
            return [];
        }

        var function = log.Table == RegisterTable.Holding ? FunctionCode.ReadHoldingRegisters : FunctionCode.ReadInputRegisters;
        var count = new ushort[1];
        await ReadRawAsync(function, log.CountAddress, count, cancellationToken).ConfigureAwait(false);
        if (count[0] > log.Capacity)
        {
            throw new InstrumentFaultException(Resource, string.Create(CultureInfo.InvariantCulture, $"event log claims {count[0]} events, capacity is {log.Capacity}"));
        }

        var events = new List<PqEvent>();
        var perRead = Math.Max(1, Profile.Modbus.Polling.MaxRegistersPerRead / EventRecordCodec.RecordLength);
        for (var first = 0; first < count[0]; first += perRead)
        {
            var n = Math.Min(perRead, count[0] - first);
            var registers = new ushort[n * EventRecordCodec.RecordLength];
            await ReadRawAsync(function, log.FirstRecordAddress + (first * EventRecordCodec.RecordLength), registers, cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < n; k++)
            {
                try
                {
                    events.Add(EventRecordCodec.Decode(registers.AsSpan(k * EventRecordCodec.RecordLength, EventRecordCodec.RecordLength)));
                }
                catch (Exception e) when (e is FormatException or ModbusException)
                {
                    throw new InstrumentFaultException(Resource, $"event {first + k + 1} of the log is garbled: {e.Message}", e);
                }
            }
        }

        return events;
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private async Task ReadRawAsync(FunctionCode function, int address, ushort[] registers, CancellationToken cancellationToken)
    {
        try
        {
            await _client.ReadRegistersAsync(function, _unitId, (ushort)address, registers, cancellationToken).ConfigureAwait(false);
        }
        catch (ModbusException e)
        {
            throw new InstrumentFaultException(Resource, string.Create(CultureInfo.InvariantCulture, $"reading {registers.Length} registers at address {address} (unit {_unitId}): {e.Message}"), e);
        }
    }

    private ThreePhaseMeasurement? Instantaneous(IReadOnlyDictionary<RegisterPoint, ushort[]> values)
    {
        double Get(MeterQuantity q) => Profile.Registers.TryGetValue(q, out var p) ? PointDecoder.InBaseUnit(p, values[p]) : double.NaN;
        var phases = new List<PhaseMeasurement>();
        foreach (var q in PerPhase.Take(Profile.MeasuringElements))
        {
            if (!Profile.Registers.ContainsKey(q[0]) || !Profile.Registers.ContainsKey(q[1]) || !Profile.Registers.ContainsKey(q[2]))
            {
                return null; // the profile does not map the per-phase quantities
            }

            var (u, i, p) = (Get(q[0]), Get(q[1]), Get(q[2]));
            var s = Profile.Registers.ContainsKey(q[4]) ? Get(q[4]) : u * i;
            var pf = Profile.Registers.ContainsKey(q[5]) ? Get(q[5]) : (s == 0 ? 0 : p / s);
            phases.Add(new PhaseMeasurement(u, i, p, Get(q[3]), s, pf));
        }

        return new ThreePhaseMeasurement(phases, Get(MeterQuantity.Frequency));
    }

    private async Task<Dictionary<RegisterPoint, ushort[]>> ReadAsync(IReadOnlyList<ReadBlock> plan, CancellationToken cancellationToken)
    {
        var result = new Dictionary<RegisterPoint, ushort[]>();
        foreach (var block in plan)
        {
            var function = block.Table == RegisterTable.Holding ? FunctionCode.ReadHoldingRegisters : FunctionCode.ReadInputRegisters;
            var registers = new ushort[block.Count];
            try
            {
                await _client.ReadRegistersAsync(function, _unitId, (ushort)block.Address, registers, cancellationToken).ConfigureAwait(false);
            }
            catch (ModbusException e)
            {
                var first = block.Points.Min(p => p.Number);
                throw new InstrumentFaultException(Resource, string.Create(CultureInfo.InvariantCulture, $"reading {block.Count} registers from {first} (unit {_unitId}): {e.Message}"), e);
            }

            foreach (var point in block.Points)
            {
                result[point] = registers[(point.Address - block.Address)..(point.Address - block.Address + point.Length)];
            }
        }

        return result;
    }
}
