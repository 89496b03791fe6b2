using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bench.Dut.Tests.Interop;

/// <summary>
/// A real OpenSSH sshd (Debian openssh-server) on a loopback port with throw-away host and user keys, its own config
/// and internal-sftp; stopped by its own process id. Logs in as the current user with the generated key.
/// </summary>
internal sealed class SshdServer : IDisposable
{
    private readonly Process _process;

    private SshdServer(Process process, string folder, int port, string hostKeySha256)
    {
        _process = process;
        Folder = folder;
        Port = port;
        HostKeySha256 = hostKeySha256;
    }

    /// <summary>Temp folder holding keys and config; tests put served files under it.</summary>
    public string Folder { get; }

    public int Port { get; }

    public string UserKeyPath => Path.Combine(Folder, "userkey");

    public string HostKeySha256 { get; }

    public static string User => Environment.UserName;

    public static async Task<SshdServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("bench-sshd-").FullName;
        await Tools.RunAsync("ssh-keygen", $"-q -t ed25519 -N \"\" -f {folder}/hostkey");
        await Tools.RunAsync("ssh-keygen", $"-q -t ed25519 -N \"\" -f {folder}/userkey");
        File.Copy(Path.Combine(folder, "userkey.pub"), Path.Combine(folder, "authorized_keys"));
        var fingerprint = (await Tools.RunAsync("ssh-keygen", $"-l -E sha256 -f {folder}/hostkey.pub")).Split(' ')[1];
        Directory.CreateDirectory("/run/sshd"); // privilege-separation directory sshd insists on
        var port = FreePort();
        var config = Path.Combine(folder, "sshd_config");
        await File.WriteAllLinesAsync(config,
        [
            $"Port {port}",
            "ListenAddress 127.0.0.1",
            $"HostKey {folder}/hostkey",
            $"AuthorizedKeysFile {folder}/authorized_keys",
            "StrictModes no",
            "PidFile none",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "PermitRootLogin prohibit-password",
            "Subsystem sftp internal-sftp",
        ]);
        var info = new ProcessStartInfo("/usr/sbin/sshd", $"-D -e -f {config}") { RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start sshd");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("Server listening", StringComparison.Ordinal))
            {
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None); // keep draining the log
                return new SshdServer(process, folder, port, fingerprint);
            }
        }

        process.Kill();
        process.Dispose();
        throw new InvalidOperationException("sshd did not start");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
