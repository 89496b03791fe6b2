using System.Diagnostics;
using System.Text.Json;

namespace Bench.Waveforms.Tests.Comtrade;

/// <summary>Runs the independent standard-library Python COMTRADE reader (Interop/comtrade_read.py) with /usr/bin/python3.</summary>
internal static class PythonPeer
{
    public static (double Rate, List<(string Id, double?[] Values)> Channels) Read(string cfgPath)
    {
        var script = Path.Combine(TestContext.CurrentContext.TestDirectory, "Interop", "comtrade_read.py");
        var psi = new ProcessStartInfo("/usr/bin/python3", [script, cfgPath]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        Assert.That(p.WaitForExit(30_000), Is.True, "python timed out");
        Assert.That(p.ExitCode, Is.Zero, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var channels = doc.RootElement.GetProperty("channels").EnumerateArray()
            .Select(c => (c.GetProperty("id").GetString()!, c.GetProperty("values").EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray()))
            .ToList();
        return (doc.RootElement.GetProperty("rate").GetDouble(), channels);
    }
}
