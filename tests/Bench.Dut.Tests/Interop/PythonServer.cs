using System.Diagnostics;
using System.Globalization;

namespace Bench.Dut.Tests.Interop;

/// <summary>A peer server in Debian's python3 that prints its bound port first; stopped by its own process id.</summary>
internal sealed class PythonServer : IDisposable
{
    private readonly Process _process;

    private PythonServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PythonServer> StartAsync(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "Interop", "peers", script));
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start python3");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            process.Kill();
            var error = await process.StandardError.ReadToEndAsync(CancellationToken.None);
            process.Dispose();
            throw new InvalidOperationException($"{script} did not report a port: {line} {error}");
        }

        return new PythonServer(process, port);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
