using System.Diagnostics;
using System.Globalization;

using Bench.Core.Quantities;
using Bench.Sim.Grid;
using Bench.Sim.Meter;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Dut.Tests.Interop;

/// <summary>mbpoll (libmodbus, Debian) reads the simulated PM8000: an independent Modbus TCP client and float decoder.</summary>
public sealed class MbpollInteropTests
{
    [Test]
    public async Task Mbpoll_reads_voltage_A_N_register_3028_as_a_big_endian_float()
    {
        var grid = new SimulatedGrid(new FakeTimeProvider());
        grid.Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));
        grid.SwitchOutput(true);
        await using var sim = await SimulatedPm8000.StartAsync(new GridObserver(grid), new SimulatedMeterOptions(), CancellationToken.None);

        // mbpoll references are 1-based like Schneider numbers (shared/TOOLING.md): -r 3028 → wire address 3027.
        var output = await Tools.RunAsync("mbpoll", $"-m tcp -a 1 -p {sim.Port} -t 4:float -B -r 3028 -c 1 -1 127.0.0.1");
        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith("[3028]", StringComparison.Ordinal));
        var value = double.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture);

        Assert.That(value, Is.EqualTo(230).Within(0.01));
    }

    [Test]
    public async Task Mbpoll_reads_the_simulated_meter_over_rtu()
    {
        using var pair = Bench.Testing.SocatPair.Start();
        var grid = new SimulatedGrid(new FakeTimeProvider());
        grid.Program(ThreePhaseSetpoint.Balanced(120, 5, PowerFactor.Unity, 50));
        grid.SwitchOutput(true);
        await using var sim = await SimulatedPm8000.StartAsync(new GridObserver(grid), new SimulatedMeterOptions { SerialPort = pair.EndB, SerialParity = 'E', UnitId = 4 }, CancellationToken.None);

        // libmodbus RTU at 19200 8E1, the Schneider default (modbus.md §4).
        var output = await Tools.RunAsync("mbpoll", $"-m rtu -b 19200 -P even -a 4 -t 4:float -B -r 3028 -c 1 -1 {pair.EndA}");
        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith("[3028]", StringComparison.Ordinal));

        Assert.That(double.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture), Is.EqualTo(120).Within(0.01));
    }
}
