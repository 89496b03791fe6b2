using System.Globalization;

using Bench.Dut.Profiles;
using Bench.Modbus.Server;
using Bench.Sim.Grid;

using Microsoft.Extensions.Logging;

namespace Bench.Sim.Meter;

/// <summary>
/// A simulated PowerLogic PM8000 on loopback Modbus TCP (and RTU on a serial port when asked): the register map of its profile, values measured from the
/// virtual bench's grid (never read from the setpoint), energy integrated on the grid's clock, its error model and
/// injected faults. Unit ids other than its own are answered as a gateway with no route (exception 0A) unless
/// devices are attached behind it with <see cref="Router"/>.
/// </summary>
public sealed class SimulatedPm8000 : IAsyncDisposable
{
    private readonly SimulatedMeterDataModel _model;
    private readonly ModbusTcpServer _server;
    private readonly ModbusRtuServer? _serial;

    private SimulatedPm8000(SimulatedMeterDataModel model, ModbusTcpServer server, ModbusRtuServer? serial, UnitRouter router, SimulatedMeterOptions options)
    {
        _model = model;
        _server = server;
        _serial = serial;
        Router = router;
        Options = options;
        Port = server.LocalEndPoint.Port;
        Resource = string.Create(CultureInfo.InvariantCulture, $"modbus-tcp://{options.Host}:{Port}?unit={options.UnitId}");
        SerialResource = options.SerialPort is { } port
            ? string.Create(CultureInfo.InvariantCulture, $"modbus-rtu://{port}?baud={options.SerialBaudRate}&parity={options.SerialParity}&unit={options.UnitId}")
            : null;
    }

    /// <summary>e.g. <c>modbus-tcp://127.0.0.1:40123?unit=1</c>, what <c>bench sim</c> prints after "meter".</summary>
    public string Resource { get; }

    public int Port { get; }

    /// <summary>e.g. <c>modbus-rtu:///tmp/ttyB?baud=19200&amp;parity=E&amp;unit=1</c> when <see cref="SimulatedMeterOptions.SerialPort"/> is set.</summary>
    public string? SerialResource { get; }

    public SimulatedMeterOptions Options { get; }

    /// <summary>The meter's unit routing; add handlers to simulate serial devices behind its gateway.</summary>
    public UnitRouter Router { get; }

    /// <summary>The meter's request handler with its faults, e.g. to serve it over RTU as well.</summary>
    public IModbusRequestHandler Handler { get; private init; } = null!;

    /// <summary>PQ events the meter has logged (and serves in its event log).</summary>
    public IReadOnlyList<Bench.Dut.Events.PqEvent> Events => _model.Events;

    /// <summary>Active energy integrated since start (Wh), without initial value or rollover.</summary>
    public double IntegratedActiveWh => _model.IntegratedActiveWh;

    public static Task<SimulatedPm8000> StartAsync(GridObserver observer, SimulatedMeterOptions options, CancellationToken ct) =>
        StartAsync(observer, options, null, ct);

    public static Task<SimulatedPm8000> StartAsync(GridObserver observer, SimulatedMeterOptions options, ILogger? logger, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var profile = options.Profile ?? BuiltInProfiles.Pm8000;
        var model = new SimulatedMeterDataModel(observer, profile, options);
        var handler = new FaultInjectingHandler(new ModbusDevice(model), options);
        var router = new UnitRouter().Add(options.UnitId, handler);
        ModbusTcpServer? server = null;
        try
        {
            server = ModbusTcpServer.Start(router, options.Host, options.Port, logger);
            var serial = options.SerialPort is { } port
                ? ModbusRtuServer.Open(port, new UnitRouter { AnswerUnknownUnits = false }.Add(options.UnitId, handler), options.SerialBaudRate, options.SerialParity, 1, logger)
                : null;
            return Task.FromResult(new SimulatedPm8000(model, server, serial, router, options) { Handler = handler });
        }
        catch
        {
            server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            model.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        if (_serial is not null)
        {
            await _serial.DisposeAsync().ConfigureAwait(false);
        }

        _model.Dispose();
    }
}
