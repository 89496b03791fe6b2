using System.Diagnostics;
using System.Text.Json;

namespace Bench.Visa.Tests.Interop;

/// <summary>Runs a Python script with Debian's interpreter (which has pyvisa + pyvisa-py) and parses the JSON it prints.</summary>
internal static class PythonPeer
{
    public const string Interpreter = "/usr/bin/python3";

    public static async Task<JsonElement> RunAsync(string script, TimeSpan timeout, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bench-peer-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(file);
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"python peer did not finish within {timeout}: {await stderr}");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"python peer failed ({process.ExitCode}): {await stderr}");
            }

            var lastLine = (await stdout).Trim().Split('\n')[^1];
            return JsonDocument.Parse(lastLine).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
