using System.Diagnostics;
using System.Reflection;

namespace Bench.Benchmarks.Visa;

/// <summary>
/// The server under test in a process of its own (this benchmark's own assembly started with "AREA --serve"), so that
/// Bench's client and the peer's client both talk to it across a process boundary. The child prints "key value" lines
/// and then "ready"; closing its standard input stops it.
/// </summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Dictionary<string, string> _values;

    private SimulatorProcess(Process process, Dictionary<string, string> values)
    {
        _process = process;
        _values = values;
    }

    public int ProcessId => _process.Id;

    public string this[string key] => _values.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"the simulator process printed no '{key}'");

    /// <summary>CPU time the server process has used so far (user + system, from the kernel).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<SimulatorProcess> StartAsync(string area, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileName(Environment.ProcessPath!) is "dotnet" or "dotnet.exe")
        {
            info.ArgumentList.Add(Assembly.GetExecutingAssembly().Location); // "dotnet Bench.Benchmarks.dll", else the apphost itself
        }

        info.ArgumentList.Add(area);
        info.ArgumentList.Add("--serve");
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the simulator process");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line == "ready")
            {
                return new SimulatorProcess(process, values);
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                values[line[..space]] = line[(space + 1)..];
            }
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException($"the simulator process ended before it was ready (exit code {process.ExitCode})");
    }

    /// <summary>In the child: prints the values and "ready", then waits until the parent closes standard input (or 30 minutes).</summary>
    public static async Task ServeUntilParentClosesAsync(IEnumerable<(string Key, string Value)> values)
    {
        foreach (var (key, value) in values)
        {
            Console.WriteLine($"{key} {value}");
        }

        Console.WriteLine("ready");
        Console.Out.Flush();
        var eof = Task.Run(() => Console.In.ReadToEnd());
        await Task.WhenAny(eof, Task.Delay(TimeSpan.FromMinutes(30))).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
