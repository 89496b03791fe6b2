using System.Diagnostics;
using System.Globalization;

using Bench.Sim.Grid;
using Bench.Sim.Instruments;
using Bench.Visa.Scpi;
using Bench.Visa.Sessions;

namespace Bench.Benchmarks.Visa;

/// <summary>
/// Query round trips per second against the simulated source, Bench's client side by side with pyvisa-py (Debian,
/// /usr/bin/python3) on the same server, over SOCKET and VXI-11 (and Bench alone over HiSLIP, which pyvisa-py 0.5 lacks).
/// Usage: VisaBenchmark.RunAsync(["--seconds", "3"]); prints one line per transport and returns 0.
/// </summary>
public static class VisaBenchmark
{
    private const string Query = "SOUR:FREQ?";

    private const string PyVisaScript = """
        import sys, time, pyvisa
        rm = pyvisa.ResourceManager("@py")
        inst = rm.open_resource(sys.argv[1], read_termination="\n", write_termination="\n", timeout=5000)
        seconds = float(sys.argv[2])
        for _ in range(20):
            inst.query("SOUR:FREQ?")
        n = 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            inst.query("SOUR:FREQ?")
            n += 1
        elapsed = time.perf_counter() - start
        inst.close()
        print(f"{n / elapsed:.1f}")
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = 3.0;
        for (var k = 0; k + 1 < args.Length; k++)
        {
            if (args[k] == "--seconds")
            {
                seconds = double.Parse(args[k + 1], CultureInfo.InvariantCulture);
            }
        }

        var against = Array.IndexOf(args, "--against");
        if (against >= 0 && against + 1 < args.Length)
        {
            // Client only, against a server elsewhere (e.g. a simulator in another process or a real instrument).
            if (args.Contains("--raw"))
            {
                var name = Bench.Visa.Resources.VisaResourceParser.Parse(args[against + 1]);
                using var raw = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                raw.Connect(name.Host!, name.Port!.Value);
                var q = "SOUR:FREQ?\n"u8.ToArray();
                var b = new byte[256];
                var count = 0;
                var sw = Stopwatch.StartNew();
                while (sw.Elapsed.TotalSeconds < seconds)
                {
                    raw.Send(q);
                    var got = 0;
                    do
                    {
                        got += raw.Receive(b, got, b.Length - got, System.Net.Sockets.SocketFlags.None);
                    }
                    while (b[got - 1] != (byte)'\n');
                    count++;
                }

                Console.WriteLine(FormattableString.Invariant($"raw .NET sync socket: {count / sw.Elapsed.TotalSeconds:0} /s"));
                return 0;
            }

            Console.WriteLine(FormattableString.Invariant($"visa {args[against + 1]}: bench {await BenchRateAsync(args[against + 1], seconds):0} /s"));
            return 0;
        }

        // A loopback address of its own, so that the portmapper on port 111 pyvisa-py needs for VXI-11 is ours.
        var host = $"127.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
        var grid = new SimulatedGrid(TimeProvider.System);
        await using var source = await SimulatedSource.StartAsync(grid, new SimulatedInstrumentOptions { Host = host }, CancellationToken.None);
        if (args.Contains("--serve"))
        {
            // Serve only (for profiling with other clients): print the endpoints, run for the given seconds.
            Console.WriteLine(string.Join("\n", source.Resources));
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            return 0;
        }

        Console.WriteLine($"visa: {Query} round trips per second against the simulated source on {host}, {seconds:0.#} s each");

        var socketBench = await BenchRateAsync(source.Resource, seconds);
        var socketPy = await PyVisaRateAsync(source.Resource, seconds);
        Print("SOCKET", socketBench, socketPy);

        if (source.Vxi11Resource is { } vxi)
        {
            var vxiBench = await BenchRateAsync(vxi, seconds);
            var vxiPy = vxi.Contains(',', StringComparison.Ordinal) ? double.NaN : await PyVisaRateAsync(vxi, seconds);
            Print("VXI-11", vxiBench, vxiPy);
        }

        if (source.HiSlipResource is { } hislip)
        {
            Print("HiSLIP", await BenchRateAsync(hislip, seconds), double.NaN);
        }

        return 0;
    }

    private static void Print(string transport, double bench, double pyvisa)
    {
        var ratio = double.IsNaN(pyvisa) ? "pyvisa-py n/a" : $"pyvisa-py {pyvisa,8:0} /s   ratio {bench / pyvisa:0.0}x";
        Console.WriteLine(FormattableString.Invariant($"visa {transport,-7} bench {bench,8:0} /s   {ratio}"));
    }

    private static async Task<double> BenchRateAsync(string resource, double seconds)
    {
        await using var scpi = await ScpiSession.OpenAsync(resource, new VisaSessionOptions(), null, null, CancellationToken.None);
        for (var k = 0; k < 200; k++)
        {
            await scpi.QueryAsync(Query, CancellationToken.None);
        }

        var n = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await scpi.QueryAsync(Query, CancellationToken.None);
            n++;
        }

        return n / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> PyVisaRateAsync(string resource, double seconds)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bench-visa-bench-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, PyVisaScript);
        try
        {
            var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(file);
            psi.ArgumentList.Add(resource);
            psi.ArgumentList.Add(seconds.ToString(CultureInfo.InvariantCulture));
            using var python = Process.Start(psi)!;
            var output = await python.StandardOutput.ReadToEndAsync();
            var errors = await python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync();
            if (python.ExitCode != 0)
            {
                Console.Error.WriteLine($"pyvisa-py failed on {resource}: {errors.Trim()}");
                return double.NaN;
            }

            return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
