using System.Diagnostics;
using System.Globalization;

namespace Bench.Cli.Tests;

/// <summary>
/// `bench sim --energize` as an outside client sees it: the printed addresses answer independent peers (pyvisa-py
/// for SCPI, mbpoll/libmodbus for Modbus), and SIGTERM stops it cleanly.
/// </summary>
[NonParallelizable]
public class SimCommandTests
{
    [Test]
    public async Task Endpoints_answer_independent_peers_and_sigterm_stops_it()
    {
        // The server never ends on its own, so its output goes to a file that the test polls.
        var output = Path.GetTempFileName();
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet '{Path.Combine(AppContext.BaseDirectory, "bench.dll")}' sim --energize > '{output}' 2>&1");
        using var sim = Process.Start(start)!;
        try
        {
            var lines = new List<string>();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!lines.Any(l => l.StartsWith("meter ", StringComparison.Ordinal)))
            {
                Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "bench sim printed no meter line: " + File.ReadAllText(output));
                Assert.That(sim.HasExited, Is.False, "bench sim ended early: " + File.ReadAllText(output));
                await Task.Delay(100);
                lines = File.ReadAllLines(output).ToList();
            }

            var source = lines.First(l => l.StartsWith("source ", StringComparison.Ordinal) && l.EndsWith("::SOCKET", StringComparison.Ordinal))[7..];
            var meter = new Uri(lines.Single(l => l.StartsWith("meter ", StringComparison.Ordinal))[6..]);
            Assert.That(lines.Any(l => l.StartsWith("reference TCPIP::127.0.0.1::", StringComparison.Ordinal)), Is.True);

            // The folder the simulated meter writes its COMTRADE records into, for a bench profile's meter records.
            while (!lines.Any(l => l.StartsWith("records ", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
                lines = File.ReadAllLines(output).ToList();
            }

            var records = lines.Single(l => l.StartsWith("records ", StringComparison.Ordinal))[8..];
            Assert.That(Directory.Exists(records), Is.True, records);

            // pyvisa-py (Debian) over TCPIP SOCKET.
            var idn = Run("/usr/bin/python3", "-c", $"import pyvisa; i = pyvisa.ResourceManager('@py').open_resource('{source}'); i.read_termination = i.write_termination = '\\n'; print(i.query('*IDN?'))");
            Assert.That(idn, Does.StartWith("Bench,SIM-SOURCE-3P,"));

            // mbpoll (libmodbus): Schneider register 3028 = Voltage A-N, a big-endian float (shared/TOOLING.md).
            var volts = Run("mbpoll", "-m", "tcp", "-a", "1", "-p", meter.Port.ToString(CultureInfo.InvariantCulture), "-t", "4:float", "-B", "-r", "3028", "-c", "1", "-1", "127.0.0.1");
            var value = double.Parse(volts.Split("[3028]:")[1].Trim(), CultureInfo.InvariantCulture);
            Assert.That(value, Is.EqualTo(230).Within(0.05), "energized at the bench profile's nominal 230 V (the meter's own error curve is far below 0.02 %)");
        }
        finally
        {
            Run("kill", "-TERM", sim.Id.ToString(CultureInfo.InvariantCulture));
            await sim.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            File.Delete(output);
        }

        Assert.That(sim.ExitCode, Is.Zero, "SIGTERM is a normal stop");
    }

    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        var errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.Zero, $"{file} failed: {errors}");
        return output.Trim();
    }
}
