using System.Security.Cryptography;
using System.Text;

using Bench.Core.Results;
using Bench.Reports.Json;

namespace Bench.Reports.Certificate;

/// <summary>
/// SHA-256 of the run's results.json exactly as <see cref="ResultsJsonWriter"/> writes it, printed on the certificate
/// and put in its metadata: `sha256sum results.json` must show the same digest, tying the certificate to its record.
/// </summary>
public static class ResultsDigest
{
    public static string Compute(RunRecord run) =>
        Convert.ToHexStringLower(SHA256.HashData(new UTF8Encoding(false).GetBytes(ResultsJsonWriter.ToJson(run))));
}
