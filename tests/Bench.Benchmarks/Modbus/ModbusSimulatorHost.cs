using System.Globalization;

using Bench.Benchmarks.Visa;
using Bench.Core.Quantities;
using Bench.Sim.Grid;
using Bench.Sim.Meter;

namespace Bench.Benchmarks.Modbus;

/// <summary>
/// The server side of the Modbus benchmark, run in a process of its own ("modbus --serve"): the simulated PM8000 on
/// an energized grid, and a ping-pong server for the physical minimum, both on 127.0.0.1.
/// </summary>
public static class ModbusSimulatorHost
{
    public static async Task<int> ServeAsync()
    {
        var grid = new SimulatedGrid(TimeProvider.System);
        grid.Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));
        grid.SwitchOutput(true);
        await using var meter = await SimulatedPm8000.StartAsync(new GridObserver(grid), new SimulatedMeterOptions(), CancellationToken.None);
        using var pingPong = new PingPongServer("127.0.0.1");
        await SimulatorProcess.ServeUntilParentClosesAsync(
        [
            ("resource", meter.Resource),
            ("port", meter.Port.ToString(CultureInfo.InvariantCulture)),
            ("unit", meter.Options.UnitId.ToString(CultureInfo.InvariantCulture)),
            ("pingpong", pingPong.Port.ToString(CultureInfo.InvariantCulture)),
        ]);
        return 0;
    }
}
