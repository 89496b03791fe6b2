using Bench.Core.Errors;

using Renci.SshNet;
using Renci.SshNet.Common;

namespace Bench.Dut.Records;

/// <summary>
/// Fetches COMTRADE records from a meter's SFTP site into a local folder: pairs .cfg with .dat by name (case-insensitive,
/// as the PM8000 names them <c>cmt0__00000</c> upward), takes 2013 single-file .cff records as they are, and downloads
/// only what the folder does not hold yet, so polling during a PQ test costs one listing. Failures are instrument faults.
/// </summary>
public static class ComtradeRecordFetcher
{
    /// <param name="since">Only records the meter wrote at or after this time (e.g. the start of the test); null = all.</param>
    public static Task<IReadOnlyList<ComtradeRecordFiles>> FetchAsync(SftpRecordSource source, string localFolder, DateTimeOffset? since, CancellationToken cancellationToken) =>
        WithClientAsync(source, (client, ct) => DownloadNewAsync(client, source, localFolder, since, null, ct), cancellationToken);

    /// <summary>Only the named records (as <see cref="ListAsync"/> names them).</summary>
    public static Task<IReadOnlyList<ComtradeRecordFiles>> FetchAsync(SftpRecordSource source, IReadOnlyCollection<string> names, string localFolder, CancellationToken cancellationToken) =>
        WithClientAsync(source, (client, ct) => DownloadNewAsync(client, source, localFolder, null, names.ToHashSet(StringComparer.OrdinalIgnoreCase), ct), cancellationToken);

    /// <summary>Names of the complete records on the site (one listing, nothing downloaded).</summary>
    public static Task<IReadOnlyList<string>> ListAsync(SftpRecordSource source, CancellationToken cancellationToken) =>
        WithClientAsync<IReadOnlyList<string>>(source, async (client, ct) =>
        {
            var files = await ListFilesAsync(client, source, ct).ConfigureAwait(false);
            return [.. Complete(files).Select(f => Path.GetFileNameWithoutExtension(f.Config.Name))];
        }, cancellationToken);

    private static async Task<T> WithClientAsync<T>(SftpRecordSource source, Func<SftpClient, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        PrivateKeyFile key;
        try
        {
            key = new PrivateKeyFile(source.PrivateKeyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SshException or ArgumentException)
        {
            throw new BenchInputException(source.PrivateKeyPath, $"cannot use the SFTP private key: {e.Message}", e);
        }

        using (key)
        {
            var info = new ConnectionInfo(source.Host, source.Port, source.User, new PrivateKeyAuthenticationMethod(source.User, key))
            {
                Timeout = TimeSpan.FromSeconds(10),
            };
            using var client = new SftpClient(info);
            string? offeredKey = null;
            client.HostKeyReceived += (_, e) =>
            {
                offeredKey = SftpRecordSource.NormalizeFingerprint(e.FingerPrintSHA256);
                e.CanTrust = source.HostKeySha256 is null || string.Equals(offeredKey, source.HostKeySha256, StringComparison.Ordinal);
            };
            try
            {
                await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                return await action(client, cancellationToken).ConfigureAwait(false);
            }
            catch (SshConnectionException e) when (source.HostKeySha256 is not null && offeredKey != source.HostKeySha256)
            {
                throw new InstrumentFaultException(source.ToString(), $"host key SHA256:{offeredKey} is not the pinned SHA256:{source.HostKeySha256}", e);
            }
            catch (Exception e) when (e is SshException or IOException or System.Net.Sockets.SocketException)
            {
                throw new InstrumentFaultException(source.ToString(), $"SFTP failed: {e.Message}", e);
            }
        }
    }

    private static async Task<Dictionary<string, Renci.SshNet.Sftp.ISftpFile>> ListFilesAsync(SftpClient client, SftpRecordSource source, CancellationToken ct)
    {
        var files = new Dictionary<string, Renci.SshNet.Sftp.ISftpFile>(StringComparer.OrdinalIgnoreCase);
        await foreach (var f in client.ListDirectoryAsync(source.Folder, ct).ConfigureAwait(false))
        {
            if (f.IsRegularFile)
            {
                files[f.Name] = f;
            }
        }

        return files;
    }

    /// <summary>Each .cff, and each .cfg whose .dat is there too (the meter may still be writing the pair), by name.</summary>
    private static IEnumerable<(Renci.SshNet.Sftp.ISftpFile Config, Renci.SshNet.Sftp.ISftpFile? Data)> Complete(Dictionary<string, Renci.SshNet.Sftp.ISftpFile> files)
    {
        foreach (var config in files.Values.Where(f => IsExtension(f.Name, ".cfg") || IsExtension(f.Name, ".cff")).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            Renci.SshNet.Sftp.ISftpFile? data = null;
            if (IsExtension(config.Name, ".cfg") && !files.TryGetValue(Path.GetFileNameWithoutExtension(config.Name) + ".dat", out data))
            {
                continue;
            }

            yield return (config, data);
        }
    }

    private static async Task<IReadOnlyList<ComtradeRecordFiles>> DownloadNewAsync(SftpClient client, SftpRecordSource source, string localFolder, DateTimeOffset? since, HashSet<string>? names, CancellationToken ct)
    {
        Directory.CreateDirectory(localFolder);
        var files = await ListFilesAsync(client, source, ct).ConfigureAwait(false);
        var records = new List<ComtradeRecordFiles>();
        foreach (var (config, data) in Complete(files))
        {
            var name = Path.GetFileNameWithoutExtension(config.Name);
            var written = new DateTimeOffset(config.LastWriteTimeUtc, TimeSpan.Zero);
            if ((since is { } s && written < s) || (names is not null && !names.Contains(name)))
            {
                continue;
            }

            var downloaded = await DownloadIfNewAsync(client, config, localFolder, ct).ConfigureAwait(false);
            if (data is not null)
            {
                downloaded |= await DownloadIfNewAsync(client, data, localFolder, ct).ConfigureAwait(false);
            }

            records.Add(new ComtradeRecordFiles(
                name,
                Path.Combine(localFolder, config.Name),
                data is null ? null : Path.Combine(localFolder, data.Name),
                written,
                downloaded));
        }

        return records;
    }

    private static async Task<bool> DownloadIfNewAsync(SftpClient client, Renci.SshNet.Sftp.ISftpFile file, string localFolder, CancellationToken ct)
    {
        var local = Path.Combine(localFolder, file.Name);
        if (File.Exists(local) && new FileInfo(local).Length == file.Length)
        {
            return false;
        }

        var partial = local + ".part";
        await using (var stream = File.Create(partial))
        {
            await client.DownloadFileAsync(file.FullName, stream, ct).ConfigureAwait(false);
        }

        File.Move(partial, local, overwrite: true);
        return true;
    }

    private static bool IsExtension(string name, string extension) => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
}
