using System.Buffers.Binary;
using System.Globalization;

using Bench.Benchmarks.Visa;
using Bench.Dut.Profiles;
using Bench.Modbus.Client;
using Bench.Modbus.Errors;
using Bench.Modbus.Protocol;
using Bench.Modbus.Transport;

namespace Bench.Benchmarks.Modbus;

/// <summary>
/// FC03 round trips per second on loopback against the simulated PM8000 running in a process of its own: Bench's
/// ModbusClient beside a libmodbus client (C, gcc) on the same server, a raw blocking-socket client on the same server
/// (what server and kernel cost) and a ping-pong of the same byte counts against a server that does nothing (the
/// physical minimum), for 10 and 125 registers. Rounds interleave; medians are printed with the load average.
/// Usage: <c>modbus [--seconds S] [--repeats R] [--require-parity]</c>; exit 1 with --require-parity when Bench is slower.
/// </summary>
public static class ModbusBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--serve"))
        {
            return await ModbusSimulatorHost.ServeAsync().ConfigureAwait(false);
        }

        var seconds = Option(args, "--seconds", 1.0);
        var repeats = (int)Option(args, "--repeats", 5);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var ct = cancel.Token;
        var exe = await LibmodbusClient.BuildAsync(ct).ConfigureAwait(false);
        await using var server = await SimulatorProcess.StartAsync("modbus", ct).ConfigureAwait(false);
        var port = int.Parse(server["port"], CultureInfo.InvariantCulture);
        var unit = byte.Parse(server["unit"], CultureInfo.InvariantCulture);
        var pingPong = int.Parse(server["pingpong"], CultureInfo.InvariantCulture);
        Console.WriteLine(Invariant($"modbus: FC03 round trips/s against the simulated PM8000 in its own process (pid {server.ProcessId}), {server["resource"]}"));
        Console.WriteLine(Invariant($"        {repeats} interleaved rounds of {seconds:0.##} s per client, medians; load average before: {InterleavedRounds.LoadAverage()}"));

        var slower = false;
        await using (var probe = new ModbusClient(await ModbusTcpTransport.ConnectAsync("127.0.0.1", port, TimeSpan.FromSeconds(2), ct).ConfigureAwait(false)))
        {
            foreach (var wanted in new[] { 10, 125 })
            {
                var (address, count) = await FirstReadableAsync(probe, unit, wanted, ct).ConfigureAwait(false);
                var clients = new List<IBenchmarkClient>();
                try
                {
                    var bench = new ModbusClient(await ModbusTcpTransport.ConnectAsync("127.0.0.1", port, TimeSpan.FromSeconds(2), ct).ConfigureAwait(false));
                    var buffer = new ushort[count];
                    clients.Add(new InProcessClient("bench", c => new ValueTask(bench.ReadRegistersAsync(FunctionCode.ReadHoldingRegisters, unit, address, buffer, c)), bench));
                    clients.Add(await LibmodbusClient.StartAsync(exe, port, unit, address, count, ct).ConfigureAwait(false));
                    var raw = RawRoundTrip.Over(RawRoundTrip.ConnectSocket("127.0.0.1", port), Fc03Frame(unit, address, count));
                    clients.Add(new InProcessClient("raw", raw.RoundTrip, raw));
                    var floor = RawRoundTrip.PingPong("127.0.0.1", pingPong, raw);
                    clients.Add(new InProcessClient("floor", floor.RoundTrip, floor));
                    var m = await InterleavedRounds.RunAsync(clients, server, seconds, repeats, ct).ConfigureAwait(false);
                    slower |= m["bench"].PerSecond < m["libmodbus"].PerSecond;
                    Print(Invariant($"{count} registers at {address}{(count < wanted ? $" (the map has no {wanted}-register span)" : string.Empty)}"), m);
                }
                finally
                {
                    foreach (var client in clients)
                    {
                        await client.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }
        }

        Console.WriteLine(Invariant($"load average after: {InterleavedRounds.LoadAverage()}"));
        Directory.Delete(Path.GetDirectoryName(exe)!, recursive: true);
        return args.Contains("--require-parity") && slower ? 1 : 0;
    }

    /// <summary>
    /// A register map has holes: the first address of the PM8000 profile where <paramref name="wanted"/> registers
    /// read, or where the longest shorter block does (in steps of 5) when the map has no such span.
    /// </summary>
    private static async Task<(ushort Address, int Count)> FirstReadableAsync(ModbusClient client, byte unit, int wanted, CancellationToken ct)
    {
        var starts = BuiltInProfiles.Pm8000.AllPoints.Select(p => p.Address).Distinct().Order().ToArray();
        for (var count = wanted; count > 0; count -= 5)
        {
            var buffer = new ushort[count];
            foreach (var start in starts)
            {
                try
                {
                    await client.ReadRegistersAsync(FunctionCode.ReadHoldingRegisters, unit, (ushort)start, buffer, ct).ConfigureAwait(false);
                    return ((ushort)start, count);
                }
                catch (ModbusServerException)
                {
                    // a hole in the map within the span: try the next start
                }
            }
        }

        throw new InvalidOperationException("no readable registers in the simulated PM8000");
    }

    private static byte[] Fc03Frame(byte unit, int address, int count)
    {
        var frame = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(0), 1); // transaction id
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), 6); // length: unit + PDU
        frame[6] = unit;
        frame[7] = (byte)FunctionCode.ReadHoldingRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(8), (ushort)address);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(10), (ushort)count);
        return frame;
    }

    private static void Print(string what, Dictionary<string, RoundTripSample> m)
    {
        Console.WriteLine($"  {what}");
        foreach (var (name, label) in new[] { ("bench", "Bench ModbusClient"), ("libmodbus", "libmodbus (C)"), ("raw", "raw C# client, same server"), ("floor", "ping-pong floor (no server work)") })
        {
            Console.WriteLine(Invariant($"    {label,-34} {m[name].Describe()}"));
        }

        var bench = m["bench"].PerSecond;
        Console.WriteLine(Invariant($"    bench/libmodbus {bench / m["libmodbus"].PerSecond:0.00} (goal ≥ 1)   bench/raw {bench / m["raw"].PerSecond:0.00}   bench/floor {bench / m["floor"].PerSecond:0.00}"));
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
