using Bench.Core.Errors;
using Bench.Dut.Records;
using Bench.Dut.Tests.Interop;

namespace Bench.Dut.Tests.Records;

/// <summary>COMTRADE records fetched over SFTP (SSH.NET) from a real sshd on loopback with throw-away keys.</summary>
public sealed class ComtradeFetchTests
{
    // A minimal IEEE C37.111-1999 ASCII record (one analog channel, two samples); the fetcher treats it as opaque bytes.
    private const string Cfg = "BENCH,SIMPM8000,1999\r\n1,1A,0D\r\n1,Va,A,,V,0.1,0,0,-32767,32767,1,1,P\r\n50\r\n1\r\n6400,2\r\n27/11/2026,09:00:00.000000\r\n27/11/2026,09:00:00.000000\r\nASCII\r\n1\r\n";
    private const string Dat = "1,0,0\r\n2,156,3252\r\n";

    [Test]
    public async Task Fetches_complete_pairs_once_and_skips_half_written_ones()
    {
        using var sshd = await SshdServer.StartAsync();
        var remote = Directory.CreateDirectory(Path.Combine(sshd.Folder, "COMTRADE")).FullName;
        await File.WriteAllTextAsync(Path.Combine(remote, "cmt0__00000.cfg"), Cfg);
        await File.WriteAllTextAsync(Path.Combine(remote, "cmt0__00000.dat"), Dat);
        await File.WriteAllTextAsync(Path.Combine(remote, "cmt0__00001.cfg"), Cfg); // .dat not written yet
        var local = Path.Combine(sshd.Folder, "fetched");
        var source = SftpRecordSource.Parse($"sftp://{SshdServer.User}@127.0.0.1:{sshd.Port}{remote}?key={sshd.UserKeyPath}&hostkey={sshd.HostKeySha256}");

        var first = await ComtradeRecordFetcher.FetchAsync(source, local, null, CancellationToken.None);
        var second = await ComtradeRecordFetcher.FetchAsync(source, local, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.Select(r => r.Name), Is.EqualTo(new[] { "cmt0__00000" }));
            Assert.That(first[0].Downloaded, Is.True);
            Assert.That(File.ReadAllText(first[0].ConfigPath), Is.EqualTo(Cfg));
            Assert.That(File.ReadAllText(first[0].DataPath!), Is.EqualTo(Dat));
            Assert.That(second[0].Downloaded, Is.False, "already in the local folder");
        });
    }

    [Test]
    public async Task A_host_key_other_than_the_pinned_one_is_refused()
    {
        using var sshd = await SshdServer.StartAsync();
        var source = SftpRecordSource.Parse($"sftp://{SshdServer.User}@127.0.0.1:{sshd.Port}/tmp?key={sshd.UserKeyPath}&hostkey=SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var e = Assert.ThrowsAsync<InstrumentFaultException>(() => ComtradeRecordFetcher.FetchAsync(source, Path.Combine(sshd.Folder, "x"), null, CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("is not the pinned"));
    }

    [TestCase("sftp://127.0.0.1/COMTRADE?key=/k", "expected sftp://USER@HOST")]
    [TestCase("sftp://root@127.0.0.1/COMTRADE", "private key file is missing")]
    [TestCase("sftp://root@127.0.0.1/COMTRADE?key=/k&pass=x", "unknown option 'pass'")]
    public void Malformed_sources_are_bad_input(string resource, string reason)
    {
        var e = Assert.Throws<BenchInputException>(() => SftpRecordSource.Parse(resource));
        Assert.That(e!.Reason, Does.Contain(reason));
    }
}
