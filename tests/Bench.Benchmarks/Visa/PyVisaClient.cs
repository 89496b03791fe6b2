using System.Diagnostics;
using System.Globalization;

namespace Bench.Benchmarks.Visa;

/// <summary>
/// pyvisa-py (Debian's python3-pyvisa-py, run with /usr/bin/python3) as a client under test: one Python process that
/// stays connected and, for every "SECONDS" line it reads, runs queries for that long and answers "RATE CPU_US" with
/// its own clock and its own CPU time (time.process_time), so rounds interleave with Bench's on a warm connection.
/// </summary>
public sealed class PyVisaClient : IBenchmarkClient
{
    private const string Script = """
        import sys, time, pyvisa
        rm = pyvisa.ResourceManager("@py")
        inst = rm.open_resource(sys.argv[1], read_termination="\n", write_termination="\n", timeout=5000)
        query = sys.argv[2]
        for _ in range(200):
            inst.query(query)
        print("ready", flush=True)
        for line in sys.stdin:
            seconds = float(line)
            n = 0
            cpu = time.process_time()
            start = time.perf_counter()
            while time.perf_counter() - start < seconds:
                for _ in range(16):
                    inst.query(query)
                n += 16
            elapsed = time.perf_counter() - start
            print(f"{n / elapsed:.3f} {(time.process_time() - cpu) / n * 1e6:.3f}", flush=True)
        inst.close()
        """;

    private readonly Process _python;

    private PyVisaClient(Process python) => _python = python;

    public string Name => "pyvisa-py";

    public static async Task<PyVisaClient> StartAsync(string resource, string query, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(resource);
        info.ArgumentList.Add(query);
        var python = Process.Start(info) ?? throw new InvalidOperationException("cannot start /usr/bin/python3");
        var first = await python.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (first != "ready")
        {
            python.Kill();
            throw new InvalidOperationException($"pyvisa-py could not query {resource} (is python3-pyvisa-py installed?)");
        }

        return new PyVisaClient(python);
    }

    public async Task<RoundTripSample> RunAsync(double seconds, CancellationToken cancellationToken)
    {
        await _python.StandardInput.WriteLineAsync(seconds.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await _python.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        var line = await _python.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("pyvisa-py ended");
        var parts = line.Split(' ');
        return new RoundTripSample(double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture), double.NaN);
    }

    public async ValueTask DisposeAsync()
    {
        _python.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _python.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _python.Kill();
        }

        _python.Dispose();
    }
}
