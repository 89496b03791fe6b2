using System.Diagnostics;

namespace Bench.Visa.Tests.Serial;

/// <summary>A serial line made of two pseudo-terminals joined by socat (shared/TOOLING.md); stopped by its process id.</summary>
internal sealed class SocatPtyPair : IDisposable
{
    private readonly Process _socat;
    private readonly string _dir;

    private SocatPtyPair(Process socat, string dir, string a, string b)
    {
        _socat = socat;
        _dir = dir;
        EndA = a;
        EndB = b;
    }

    public string EndA { get; }

    public string EndB { get; }

    public static async Task<SocatPtyPair> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("bench-pty-").FullName;
        var a = Path.Combine(dir, "ttyA");
        var b = Path.Combine(dir, "ttyB");
        var psi = new ProcessStartInfo("socat") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add($"pty,raw,echo=0,link={a}");
        psi.ArgumentList.Add($"pty,raw,echo=0,link={b}");
        var socat = Process.Start(psi)!;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!(File.Exists(a) && File.Exists(b)))
        {
            if (DateTime.UtcNow > deadline || socat.HasExited)
            {
                socat.Kill();
                throw new InvalidOperationException("socat did not create the pty pair");
            }

            await Task.Delay(20);
        }

        return new SocatPtyPair(socat, dir, a, b);
    }

    public void Dispose()
    {
        if (!_socat.HasExited)
        {
            _socat.Kill();
            _socat.WaitForExit(2000);
        }

        _socat.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
