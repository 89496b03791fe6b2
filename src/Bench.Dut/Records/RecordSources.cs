namespace Bench.Dut.Records;

/// <summary>
/// A record source as a bench profile writes it: <c>sftp://USER@HOST:PORT/FOLDER?key=…</c> for the meter's SFTP site,
/// anything else a folder the bench reads directly (a mounted share, `bench sim`'s record folder). A relative folder
/// resolves against <paramref name="baseFolder"/> (the profile's own folder).
/// </summary>
public static class RecordSources
{
    public static IRecordSource Parse(string text, string baseFolder) =>
        text.StartsWith("sftp:", StringComparison.OrdinalIgnoreCase)
            ? SftpRecordSource.Parse(text)
            : new FolderRecordSource(Path.GetFullPath(text, baseFolder));
}
