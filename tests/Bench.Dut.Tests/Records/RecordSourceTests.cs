using Bench.Core.Errors;
using Bench.Dut.Records;
using Bench.Dut.Tests.Interop;

namespace Bench.Dut.Tests.Records;

/// <summary>
/// Record sources as the events and harmonic points use them: list the complete records, then fetch the named ones
/// (those made during a sequence). Over SFTP against a real sshd on loopback, and from a folder.
/// </summary>
public sealed class RecordSourceTests
{
    // The fetcher treats records as opaque bytes; a .cfg without its .dat is still being written.
    private const string Cfg = "BENCH,SIMPM8000,1999\r\n";
    private const string Dat = "1,0,0\r\n";

    private static void WriteRecords(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "cmt0__00000.cfg"), Cfg);
        File.WriteAllText(Path.Combine(folder, "cmt0__00000.dat"), Dat);
        File.WriteAllText(Path.Combine(folder, "cmt0__00001.cfg"), Cfg);
        File.WriteAllText(Path.Combine(folder, "cmt0__00001.dat"), Dat);
        File.WriteAllText(Path.Combine(folder, "cmt0__00002.cfg"), Cfg); // .dat not written yet
        File.WriteAllText(Path.Combine(folder, "rec_2013.cff"), Cfg + Dat);
    }

    [Test]
    public async Task Over_SFTP_the_complete_records_are_listed_and_only_the_named_ones_fetched()
    {
        using var sshd = await SshdServer.StartAsync();
        var remote = Path.Combine(sshd.Folder, "COMTRADE");
        WriteRecords(remote);
        IRecordSource source = SftpRecordSource.Parse($"sftp://{SshdServer.User}@127.0.0.1:{sshd.Port}{remote}?key={sshd.UserKeyPath}&hostkey={sshd.HostKeySha256}");
        var local = Path.Combine(sshd.Folder, "fetched");

        var names = await source.ListAsync(CancellationToken.None);
        var fetched = await source.FetchAsync(["cmt0__00001", "rec_2013"], local, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(new[] { "cmt0__00000", "cmt0__00001", "rec_2013" }));
            Assert.That(fetched.Select(f => f.Name), Is.EqualTo(new[] { "cmt0__00001", "rec_2013" }));
            Assert.That(Directory.GetFiles(local).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "cmt0__00001.cfg", "cmt0__00001.dat", "rec_2013.cff" }));
            Assert.That(fetched[1].DataPath, Is.Null, "a 2013 single-file record");
            Assert.That(source.Description, Is.EqualTo($"sftp://{SshdServer.User}@127.0.0.1:{sshd.Port}{remote}"));
        });
    }

    [Test]
    public async Task From_a_folder_the_same_rules_apply()
    {
        var root = Directory.CreateTempSubdirectory("bench-records-").FullName;
        try
        {
            WriteRecords(Path.Combine(root, "meter"));
            IRecordSource source = new FolderRecordSource(Path.Combine(root, "meter"));
            var names = await source.ListAsync(CancellationToken.None);
            var fetched = await source.FetchAsync(["cmt0__00000", "cmt0__00002"], Path.Combine(root, "local"), CancellationToken.None);
            Assert.Multiple(() =>
            {
                Assert.That(names, Is.EqualTo(new[] { "cmt0__00000", "cmt0__00001", "rec_2013" }));
                Assert.That(fetched.Select(f => f.Name), Is.EqualTo(new[] { "cmt0__00000" }), "the half-written one is skipped");
                Assert.That(File.ReadAllText(fetched[0].DataPath!), Is.EqualTo(Dat));
            });
            Assert.That(() => new FolderRecordSource(Path.Combine(root, "absent")).ListAsync(CancellationToken.None), Throws.TypeOf<InstrumentFaultException>());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
