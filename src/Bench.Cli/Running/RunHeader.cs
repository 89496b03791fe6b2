using System.Globalization;
using System.Text.Json;

using Bench.Core.Errors;

namespace Bench.Cli.Running;

/// <summary>run.json in a run's folder: the run id and start time, kept so that --resume continues the same run.</summary>
public sealed record RunHeader(string RunId, DateTimeOffset Started, string Serial, string Plan)
{
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static RunHeader New(DateTimeOffset now, string serial, string plan)
    {
        var safeSerial = new string(serial.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        var id = $"BR-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{safeSerial}";
        return new RunHeader(id, now, serial, plan);
    }

    public Task WriteAsync(string directory) => File.WriteAllTextAsync(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json));

    public static RunHeader Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            return JsonSerializer.Deserialize<RunHeader>(File.ReadAllText(path), Json) ?? throw new JsonException("empty");
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new BenchInputException(path, $"not a run header that can be resumed ({e.Message})");
        }
    }
}
