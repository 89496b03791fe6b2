using Bench.Core.Errors;

namespace Bench.Dut.Records;

/// <summary>
/// Records in a folder the bench reads directly: the virtual bench's simulated meter writes into one, and a lab may
/// mount a meter's record share. Same pairing rules as the SFTP fetcher (.cfg needs its .dat; .cff alone).
/// </summary>
public sealed class FolderRecordSource(string folder) : IRecordSource
{
    public string Folder { get; } = folder;

    public string Description => $"folder {Folder}";

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            throw new InstrumentFaultException(Description, "the record folder does not exist");
        }

        var files = Directory.GetFiles(Folder).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<string> names = files
            .Where(f => f.EndsWith(".cff", StringComparison.OrdinalIgnoreCase) || (f.EndsWith(".cfg", StringComparison.OrdinalIgnoreCase) && files.Contains(Path.ChangeExtension(f, ".dat"))))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(names);
    }

    public async Task<IReadOnlyList<ComtradeRecordFiles>> FetchAsync(IReadOnlyCollection<string> names, string localFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(localFolder);
        var result = new List<ComtradeRecordFiles>();
        foreach (var name in names)
        {
            var cff = Path.Combine(Folder, name + ".cff");
            var config = File.Exists(cff) ? cff : Path.Combine(Folder, name + ".cfg");
            var data = File.Exists(cff) ? null : Path.Combine(Folder, name + ".dat");
            if (!File.Exists(config) || (data is not null && !File.Exists(data)))
            {
                continue;
            }

            var localConfig = Path.Combine(localFolder, Path.GetFileName(config));
            await CopyAsync(config, localConfig, cancellationToken).ConfigureAwait(false);
            string? localData = null;
            if (data is not null)
            {
                localData = Path.Combine(localFolder, Path.GetFileName(data));
                await CopyAsync(data, localData, cancellationToken).ConfigureAwait(false);
            }

            result.Add(new ComtradeRecordFiles(name, localConfig, localData, new DateTimeOffset(File.GetLastWriteTimeUtc(config), TimeSpan.Zero), true));
        }

        return result;
    }

    private static async Task CopyAsync(string from, string to, CancellationToken cancellationToken)
    {
        await using var source = File.OpenRead(from);
        await using var target = File.Create(to);
        await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
    }
}
