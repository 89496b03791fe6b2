using System.Diagnostics;

namespace Bench.Testing;

/// <summary>
/// A serial line for tests: socat joins two pseudo-terminals (shared/TOOLING.md). Stopped (by its own process id) on dispose.
/// </summary>
public sealed class SocatPair : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private SocatPair(Process process, string folder)
    {
        _process = process;
        _folder = folder;
        EndA = Path.Combine(folder, "ttyA");
        EndB = Path.Combine(folder, "ttyB");
    }

    public string EndA { get; }

    public string EndB { get; }

    public static SocatPair Start()
    {
        var folder = Directory.CreateTempSubdirectory("bench-rtu-").FullName;
        var info = new ProcessStartInfo("socat")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var end in new[] { "ttyA", "ttyB" })
        {
            info.ArgumentList.Add($"pty,raw,echo=0,link={Path.Combine(folder, end)}");
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start socat");
        var pair = new SocatPair(process, folder);
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(pair.EndA) && File.Exists(pair.EndB)))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(5) || process.HasExited)
            {
                pair.Dispose();
                throw new InvalidOperationException("socat did not create the pty pair");
            }

            Thread.Sleep(10);
        }

        return pair;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
