using System.Diagnostics;

namespace Bench.Dut.Tests.Interop;

/// <summary>Runs an independent peer (mbpoll, python3 with pymodbus) with a time bound and returns its standard output.</summary>
internal static class Tools
{
    public static async Task<string> RunAsync(string file, string arguments, int timeoutMs = 20000)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        using var timeout = new CancellationTokenSource(timeoutMs);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish within {timeoutMs} ms");
        }

        var output = await stdout;
        Assert.That(process.ExitCode, Is.EqualTo(0), $"{file} {arguments} failed: {await stderr}\n{output}");
        return output;
    }
}
