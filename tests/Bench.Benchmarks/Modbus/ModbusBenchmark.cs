using System.Diagnostics;
using System.Globalization;

using Bench.Core.Quantities;
using Bench.Modbus.Client;
using Bench.Modbus.Protocol;
using Bench.Modbus.Transport;
using Bench.Sim.Grid;
using Bench.Sim.Meter;

namespace Bench.Benchmarks.Modbus;

/// <summary>
/// FC03 round trips per second on loopback against the simulated PM8000: Bench's ModbusClient side by side with a
/// libmodbus client (C, gcc) on the same server, for a 2-register read (one float, register 3028) and an 86-register
/// block (3000–3085). Rounds alternate between the two clients; the median of each is reported with their ratio.
/// Usage: <c>modbus [--rounds N] [--repeats R] [--require-parity]</c>; exit 1 with --require-parity when Bench is slower.
/// </summary>
public static class ModbusBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Option(args, "--rounds", 20000);
        var repeats = Option(args, "--repeats", 5);
        var requireParity = args.Contains("--require-parity");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var ct = cancel.Token;

        var grid = new SimulatedGrid(TimeProvider.System);
        grid.Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));
        grid.SwitchOutput(true);
        await using var sim = await SimulatedPm8000.StartAsync(new GridObserver(grid), new SimulatedMeterOptions(), ct);
        var exe = await LibmodbusClient.BuildAsync(ct);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"modbus: FC03 round trips/s on loopback against {sim.Resource}, {rounds} rounds × {repeats} repeats, median"));
        var slower = false;
        foreach (var (address, count, what) in new[] { (3027, 2, "2 registers (3028 float)"), (2999, 86, "86 registers (3000-3085)") })
        {
            var bench = new List<double>();
            var libmodbus = new List<double>();
            await using var client = new ModbusClient(await ModbusTcpTransport.ConnectAsync("127.0.0.1", sim.Port, TimeSpan.FromSeconds(1), ct));
            var buffer = new ushort[count];
            for (var r = 0; r < repeats; r++)
            {
                bench.Add(await BenchRoundTripsPerSecondAsync(client, address, buffer, rounds, ct));
                libmodbus.Add(await LibmodbusClient.RoundTripsPerSecondAsync(exe, sim.Port, 1, address, count, rounds, ct));
            }

            var (b, l) = (Median(bench), Median(libmodbus));
            slower |= b < l;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {what,-26} bench {b,9:0} /s ({1e6 / b,5:0.0} µs)   libmodbus {l,9:0} /s ({1e6 / l,5:0.0} µs)   bench/libmodbus {b / l:0.00}"));
        }

        Directory.Delete(Path.GetDirectoryName(exe)!, recursive: true);
        return requireParity && slower ? 1 : 0;
    }

    private static async Task<double> BenchRoundTripsPerSecondAsync(ModbusClient client, int address, ushort[] buffer, int rounds, CancellationToken ct)
    {
        // Warm-up long enough for tiered JIT to reach its optimised code (and the libmodbus client does its own).
        for (var k = 0; k < Math.Max(2000, rounds / 5); k++)
        {
            await client.ReadRegistersAsync(FunctionCode.ReadHoldingRegisters, 1, (ushort)address, buffer, ct);
        }

        var watch = Stopwatch.StartNew();
        for (var k = 0; k < rounds; k++)
        {
            await client.ReadRegistersAsync(FunctionCode.ReadHoldingRegisters, 1, (ushort)address, buffer, ct);
        }

        return rounds / watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
