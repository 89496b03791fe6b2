using Bench.Dut.Events;
using Bench.Dut.Profiles;
using Bench.Modbus.Errors;
using Bench.Modbus.Protocol;
using Bench.Modbus.Server;
using Bench.Sim.Grid;

namespace Bench.Sim.Meter;

/// <summary>
/// The simulated meter's Modbus tables, refreshed at every read from the grid observer (instantaneous values) and the
/// energy integrator on the grid's clock (energy registers), both through the error model. Addresses the profile maps
/// are readable, as are unmapped holes up to the profile's bridging limit; reading into a declared gap or anywhere
/// else answers exception 02, like the real meter.
/// </summary>
public sealed class SimulatedMeterDataModel : IModbusDataModel, IDisposable
{
    private readonly GridObserver _observer;
    private readonly MeterErrorModel _errors;
    private readonly MeterRegisterImage _image;
    private readonly SimulatedMeterOptions _options;
    private readonly EnergyIntegrator _energy;
    private readonly SimulatedEventRecorder? _events;
    private readonly EventLogMap? _eventLog;
    private readonly ushort[] _holding = new ushort[0x10000];
    private readonly bool[] _readable = new bool[0x10000];
    private readonly Lock _gate = new();
    private readonly Dictionary<byte, string> _identification;
    private readonly RegisterRange? _thdSpan;
    private readonly RegisterRange? _pstSpan;
    private readonly double _nominalFrequencyHz;
    private (long Version, double Pst)? _pst;
    private long _lastVersion = -1;
    private long _lastThdVersion = -1;

    public SimulatedMeterDataModel(GridObserver observer, DutProfile profile, SimulatedMeterOptions options)
    {
        _observer = observer;
        _options = options;
        _errors = new MeterErrorModel(profile, options);
        _image = new MeterRegisterImage(profile, _errors.Has(FirmwareFaultKind.FloatWordsSwapped));
        _image.WriteIdentity(_holding, options); // first: it rejects a serial number the register cannot hold
        _energy = new EnergyIntegrator(observer, _errors.ApplyToEnergy);
        _eventLog = profile.EventLog;
        var thdPoints = profile.Registers.Where(r => r.Key.ToString().StartsWith("Thd", StringComparison.Ordinal)).Select(r => r.Value).ToList();
        _thdSpan = thdPoints.Count == 0 ? null : new RegisterRange(thdPoints.Min(p => p.Address), thdPoints.Max(p => p.LastAddress));
        var pstPoints = profile.Registers.Where(r => r.Key.ToString().StartsWith("Pst", StringComparison.Ordinal)).Select(r => r.Value).ToList();
        _pstSpan = pstPoints.Count == 0 ? null : new RegisterRange(pstPoints.Min(p => p.Address), pstPoints.Max(p => p.LastAddress));
        _nominalFrequencyHz = profile.NominalFrequencyHz;
        var records = options.RecordFolder is { } folder ? new SimulatedRecordWriter(folder) { Gain = options.RecordGain, ClockOffset = TimeSpan.FromSeconds(options.EventFaults.ClockOffsetS) } : null;
        _events = _eventLog is { } log || records is not null
            ? new SimulatedEventRecorder(observer, profile.NominalVoltageV, _eventLog?.Capacity ?? 100, records is null ? null : records.Write)
            {
                Faults = options.EventFaults,
            }
            : null;
        MarkReadable(profile);
        _identification = new Dictionary<byte, string>
        {
            [0x00] = profile.Manufacturer,
            [0x01] = options.Model,
            [0x02] = options.Firmware,
            [0x04] = profile.Name,
            [0x05] = options.Model,
        };
    }

    public IReadOnlyDictionary<byte, string> IdentificationObjects => _identification;

    /// <summary>Events the meter has logged so far (empty when its profile has no event log).</summary>
    public IReadOnlyList<PqEvent> Events => _events?.Events ?? [];

    /// <summary>Energy integrated since start, before the initial value and rollover: for tests and the journal.</summary>
    public double IntegratedActiveWh => _energy.ActiveWh;

    public void ReadHoldingRegisters(ushort address, Span<ushort> values)
    {
        Require(address, values.Length);
        lock (_gate)
        {
            Refresh();
            if (_thdSpan is { } thd && thd.Overlaps(address, address + values.Length - 1))
            {
                RefreshThd(); // a spectrum per channel: only when someone reads THD
            }

            if (_pstSpan is { } pst && pst.Overlaps(address, address + values.Length - 1))
            {
                RefreshPst(); // 12 minutes of signal through the flickermeter: only when someone reads Pst
            }

            _holding.AsSpan(address, values.Length).CopyTo(values);
        }
    }

    public void ReadInputRegisters(ushort address, Span<ushort> values) => ReadHoldingRegisters(address, values);

    public void WriteHoldingRegisters(ushort address, ReadOnlySpan<ushort> values) =>
        throw new ModbusRequestException(ExceptionCode.IllegalDataAddress, "the simulated meter has no writable registers");

    public void ReadCoils(ushort address, Span<bool> values) =>
        throw new ModbusRequestException(ExceptionCode.IllegalDataAddress, "no coils");

    public void ReadDiscreteInputs(ushort address, Span<bool> values) =>
        throw new ModbusRequestException(ExceptionCode.IllegalDataAddress, "no discrete inputs");

    public void WriteCoils(ushort address, ReadOnlySpan<bool> values) =>
        throw new ModbusRequestException(ExceptionCode.IllegalDataAddress, "no coils");

    public void Dispose()
    {
        _energy.Dispose();
        _events?.Dispose();
    }

    private void Refresh()
    {
        var state = _observer.Grid.State;
        if (state.Version != _lastVersion)
        {
            var observed = _observer.Measure(state);
            var shown = _errors.Apply(observed);
            _image.WriteMeasurement(_holding, shown);
            _image.WriteReadings(_holding, _errors.Instantaneous.ExtraReadings(observed, shown, state.Output));
            _lastVersion = state.Version;
        }

        var active = _options.InitialActiveEnergyWh + _energy.ActiveWh;
        var reactive = _energy.ReactiveVarh;
        var reactiveReceived = _energy.ReactiveReceivedVarh;
        var apparent = _energy.ApparentVAh;
        if (_options.EnergyRolloverWh is { } rollover && rollover > 0)
        {
            active %= rollover;
            reactive %= rollover;
            reactiveReceived %= rollover;
            apparent %= rollover;
        }

        _image.WriteEnergy(_holding, EnergyQuantity.ActiveDelivered, active);
        _image.WriteEnergy(_holding, EnergyQuantity.ReactiveDelivered, reactive);
        _image.WriteEnergy(_holding, EnergyQuantity.ReactiveReceived, reactiveReceived);
        _image.WriteEnergy(_holding, EnergyQuantity.ApparentDelivered, apparent);
        if (_eventLog is { } log && _events is { } recorder)
        {
            var events = recorder.Events;
            _holding[log.CountAddress] = (ushort)events.Count;
            for (var k = 0; k < events.Count; k++)
            {
                EventRecordCodec.Encode(events[k], _holding.AsSpan(log.FirstRecordAddress + (k * EventRecordCodec.RecordLength), EventRecordCodec.RecordLength));
            }
        }
    }

    private void RefreshThd()
    {
        var state = _observer.Grid.State;
        if (state.Version != _lastThdVersion)
        {
            var thd = HarmonicDistortion.MeterThdPercent(state.Output, _observer.Measure(state).FrequencyHz);
            _image.WriteThd(_holding, _errors.Instantaneous.ApplyToThd(thd, state.Output.Phases.Count));
            _lastThdVersion = state.Version;
        }
    }

    /// <summary>
    /// Pst of the last complete 10-minute interval (IEC 61000-4-30 §4.5: clock-aligned): computed when the grid's
    /// state (setting, output, modulation) was steady through that whole interval, "not available" (NaN) otherwise. Every
    /// phase shows the Pst of phase A's voltage: the modulation is common to all phases.
    /// </summary>
    private void RefreshPst()
    {
        var state = _observer.Grid.State;
        var now = _observer.Grid.Time.GetUtcNow();
        var interval = TimeSpan.FromMinutes(10);
        var end = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % interval.Ticks), TimeSpan.Zero);
        double value;
        if (state.Since > end - interval)
        {
            value = double.NaN;
        }
        else
        {
            if (_pst is not { } cached || cached.Version != state.Version)
            {
                var output = state.Output;
                var voltage = output.Phases.Count == 0 ? 0 : output.Phases[0].VoltageV;
                _pst = (state.Version, FlickerSeverity.Pst(voltage, output.FrequencyHz, _nominalFrequencyHz, state.OutputOn ? state.Flicker : null));
            }

            value = _pst.Value.Pst * (1 + (_errors.Instantaneous.Errors.PstPercent / 100));
        }

        _image.WriteReadings(_holding, new Dictionary<MeterQuantity, double>
        {
            [MeterQuantity.PstVoltageAN] = value,
            [MeterQuantity.PstVoltageBN] = value,
            [MeterQuantity.PstVoltageCN] = value,
        });
    }

    private void MarkReadable(DutProfile profile)
    {
        var limits = profile.Modbus.Polling;
        var spans = profile.AllPoints.Select(p => (p.Address, p.LastAddress)).Distinct().OrderBy(s => s.Address).ToList();
        foreach (var (first, last) in spans)
        {
            _readable.AsSpan(first, last - first + 1).Fill(true);
        }

        if (profile.EventLog is { } log)
        {
            _readable[log.CountAddress] = true;
            _readable.AsSpan(log.FirstRecordAddress, log.LastAddress - log.FirstRecordAddress + 1).Fill(true);
        }

        for (var k = 1; k < spans.Count; k++)
        {
            var holeFirst = spans[k - 1].LastAddress + 1;
            var holeLast = spans[k].Address - 1;
            if (holeLast >= holeFirst && holeLast - holeFirst + 1 <= limits.MaxGapBridged && !limits.CrossesGap(holeFirst, holeLast))
            {
                _readable.AsSpan(holeFirst, holeLast - holeFirst + 1).Fill(true);
            }
        }
    }

    private void Require(int address, int count)
    {
        if (address + count > _readable.Length || _readable.AsSpan(address, count).Contains(false))
        {
            throw new ModbusRequestException(ExceptionCode.IllegalDataAddress, "outside the meter's map");
        }
    }
}
