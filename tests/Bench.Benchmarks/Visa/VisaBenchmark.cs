using System.Globalization;

using Bench.Visa.Resources;
using Bench.Visa.Rpc;
using Bench.Visa.Scpi;
using Bench.Visa.Sessions;
using Bench.Visa.Vxi11;

namespace Bench.Benchmarks.Visa;

/// <summary>
/// Query round trips per second against the simulated source running in a process of its own, over SOCKET, VXI-11 and
/// HiSLIP: Bench's ScpiSession beside pyvisa-py on the same server (pyvisa-py 0.5 has no HiSLIP), a raw blocking-socket
/// client on the same server (what the server and kernel cost), and a ping-pong of the same byte counts against a
/// server that does nothing (the physical minimum). Rounds interleave; medians are printed with the load average.
/// Usage: <c>visa [--seconds S] [--repeats R]</c> (1 s rounds, 5 repeats); <c>visa --serve</c> is the server process.
/// </summary>
public static class VisaBenchmark
{
    private const string Query = "SOUR:FREQ?";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--serve"))
        {
            return await VisaSimulatorHost.ServeAsync().ConfigureAwait(false);
        }

        var seconds = Option(args, "--seconds", 1.0);
        var repeats = (int)Option(args, "--repeats", 5);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var ct = cancel.Token;
        await using var server = await SimulatorProcess.StartAsync("visa", ct).ConfigureAwait(false);
        var host = server["host"];
        Console.WriteLine(Invariant($"visa: {Query} round trips/s against the simulated source in its own process (pid {server.ProcessId}) on {host}"));
        Console.WriteLine(Invariant($"      {repeats} interleaved rounds of {seconds:0.##} s per client, medians; load average before: {InterleavedRounds.LoadAverage()}"));

        var pingPongPort = int.Parse(server["pingpong"], CultureInfo.InvariantCulture);
        foreach (var (transport, resource) in new[] { ("SOCKET", server["socket"]), ("VXI-11", server["vxi11"]), ("HiSLIP", server["hislip"]) })
        {
            if (resource == "-")
            {
                continue;
            }

            var clients = new List<IBenchmarkClient>();
            try
            {
                var scpi = await ScpiSession.OpenAsync(resource, new VisaSessionOptions(), null, null, ct).ConfigureAwait(false);
                clients.Add(new InProcessClient("bench", async c => await scpi.QueryAsync(Query, c).ConfigureAwait(false), scpi));
                if (transport != "HiSLIP")
                {
                    clients.Add(await PyVisaClient.StartAsync(resource, Query, ct).ConfigureAwait(false));
                    var raw = await ConnectRawAsync(transport, resource, ct).ConfigureAwait(false);
                    clients.Add(new InProcessClient("raw", raw.RoundTrip, raw));
                    var floor = RawRoundTrip.PingPong(host, pingPongPort, raw);
                    clients.Add(new InProcessClient("floor", floor.RoundTrip, floor));
                }

                var medians = await InterleavedRounds.RunAsync(clients, server, seconds, repeats, ct).ConfigureAwait(false);
                Print(transport, medians);
            }
            finally
            {
                foreach (var client in clients)
                {
                    await client.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        Console.WriteLine(Invariant($"load average after: {InterleavedRounds.LoadAverage()}"));
        return 0;
    }

    private static async Task<RawRoundTrip> ConnectRawAsync(string transport, string resource, CancellationToken ct)
    {
        var name = VisaResourceParser.Parse(resource);
        if (transport == "SOCKET")
        {
            return RawRoundTrip.Over(RawRoundTrip.ConnectSocket(name.Host!, name.Port!.Value), System.Text.Encoding.ASCII.GetBytes(Query + "\n"));
        }

        var port = name.Port ?? await RpcClient.GetPortAsync(name.Host!, Vxi11Protocol.CoreProgram, Vxi11Protocol.ProgramVersion, ct).ConfigureAwait(false);
        return RawVxi11Client.Connect(name.Host!, port, name.DeviceName!, Query);
    }

    private static void Print(string transport, Dictionary<string, RoundTripSample> m)
    {
        var bench = m["bench"];
        Console.WriteLine(Invariant($"  {transport}"));
        foreach (var (name, label) in new[] { ("bench", "Bench ScpiSession"), ("pyvisa-py", "pyvisa-py"), ("raw", "raw C# client, same server"), ("floor", "ping-pong floor (no server work)") })
        {
            if (m.TryGetValue(name, out var s))
            {
                Console.WriteLine(Invariant($"    {label,-34} {s.Describe()}"));
            }
        }

        var ratios = new List<string>();
        if (m.TryGetValue("pyvisa-py", out var py))
        {
            ratios.Add(Invariant($"bench/pyvisa-py {bench.PerSecond / py.PerSecond:0.00}x (goal ≥ 3x)"));
        }

        if (m.TryGetValue("raw", out var raw))
        {
            ratios.Add(Invariant($"bench/raw {bench.PerSecond / raw.PerSecond:0.00}"));
        }

        if (m.TryGetValue("floor", out var floor))
        {
            ratios.Add(Invariant($"bench/floor {bench.PerSecond / floor.PerSecond:0.00}"));
        }

        if (ratios.Count > 0)
        {
            Console.WriteLine($"    {string.Join("   ", ratios)}");
        }
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
