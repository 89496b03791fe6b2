using System.Globalization;

using Bench.Core.Errors;

namespace Bench.Dut.Records;

/// <summary>
/// Where a meter keeps its waveform records: <c>sftp://USER@HOST:PORT/FOLDER?key=PRIVATE_KEY_FILE&amp;hostkey=SHA256:…</c>.
/// The PM8000 writes COMTRADE pairs (cmt0__00000.cfg/.dat …) on its internal SFTP site (pm8000-map.md §6). Without
/// <c>hostkey</c> any host key is accepted and reported back, so it can be pinned; with it, a different key is refused.
/// </summary>
public sealed record SftpRecordSource(string Text, string Host, int Port, string User, string Folder, string PrivateKeyPath, string? HostKeySha256) : IRecordSource
{
    public string Description => ToString();

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => ComtradeRecordFetcher.ListAsync(this, cancellationToken);

    public Task<IReadOnlyList<ComtradeRecordFiles>> FetchAsync(IReadOnlyCollection<string> names, string localFolder, CancellationToken cancellationToken) =>
        ComtradeRecordFetcher.FetchAsync(this, names, localFolder, cancellationToken);

    public static SftpRecordSource Parse(string resource)
    {
        if (!Uri.TryCreate(resource, UriKind.Absolute, out var uri) || uri.Scheme != "sftp" || string.IsNullOrEmpty(uri.Host) || string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new BenchInputException(resource, "expected sftp://USER@HOST:PORT/FOLDER?key=PRIVATE_KEY_FILE[&hostkey=SHA256:…]");
        }

        string? key = null, hostKey = null;
        foreach (var part in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = eq > 0 ? (part[..eq], Uri.UnescapeDataString(part[(eq + 1)..])) : (part, string.Empty);
            switch (name)
            {
                case "key":
                    key = value;
                    break;
                case "hostkey":
                    hostKey = NormalizeFingerprint(value);
                    break;
                default:
                    throw new BenchInputException(resource, $"unknown option '{name}'");
            }
        }

        if (string.IsNullOrEmpty(key))
        {
            throw new BenchInputException(resource, "the private key file is missing (?key=PATH)");
        }

        var folder = Uri.UnescapeDataString(uri.AbsolutePath);
        return new SftpRecordSource(resource, uri.Host, uri.IsDefaultPort ? 22 : uri.Port, Uri.UnescapeDataString(uri.UserInfo), folder.Length == 0 ? "/" : folder, key, hostKey);
    }

    /// <summary>"SHA256:abc=" and "abc" name the same key: OpenSSH prints the prefix and drops the base64 padding.</summary>
    public static string NormalizeFingerprint(string fingerprint)
    {
        var f = fingerprint.Trim();
        if (f.StartsWith("SHA256:", StringComparison.Ordinal))
        {
            f = f["SHA256:".Length..];
        }

        return f.TrimEnd('=');
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"sftp://{User}@{Host}:{Port}{Folder}");
}
