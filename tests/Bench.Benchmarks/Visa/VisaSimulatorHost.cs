using System.Globalization;

using Bench.Sim.Grid;
using Bench.Sim.Instruments;

namespace Bench.Benchmarks.Visa;

/// <summary>
/// The server side of the VISA benchmark, run in a process of its own ("visa --serve"): the simulated source on a
/// loopback address of its own (so that the portmapper on port 111 that pyvisa-py needs for VXI-11 is ours) and a
/// ping-pong server on the same address for the physical minimum.
/// </summary>
public static class VisaSimulatorHost
{
    public static async Task<int> ServeAsync()
    {
        var host = $"127.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
        var grid = new SimulatedGrid(TimeProvider.System);
        await using var source = await SimulatedSource.StartAsync(grid, new SimulatedInstrumentOptions { Host = host }, CancellationToken.None);
        using var pingPong = new PingPongServer(host);
        await SimulatorProcess.ServeUntilParentClosesAsync(
        [
            ("host", host),
            ("socket", source.Resource),
            ("vxi11", source.Vxi11Resource ?? "-"),
            ("hislip", source.HiSlipResource ?? "-"),
            ("pingpong", pingPong.Port.ToString(CultureInfo.InvariantCulture)),
        ]);
        return 0;
    }
}
