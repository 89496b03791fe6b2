using System.Text.Encodings.Web;
using System.Text.Json;

using Bench.Core.Errors;
using Bench.Core.Results;
using Bench.Reports.Files;

namespace Bench.Reports.Json;

/// <summary>
/// Writes and reads results.json (schema "bench.results/1"): camelCase, invariant numbers, ISO 8601 dates,
/// every key present (null where a value is missing). The shape is documented in src/Bench.Reports/README.md.
/// </summary>
public static class ResultsJsonWriter
{
    public const string Schema = ResultsMapping.Schema;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps "§", "±" and "Ω" readable in the file
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        AllowTrailingCommas = false,
    };

    /// <summary>The JSON Schema (draft 2020-12) of results.json, for consumers that validate what they read.</summary>
    public static string SchemaDocument()
    {
        using var stream = typeof(ResultsJsonWriter).Assembly.GetManifestResourceStream("Bench.Reports.bench.results-1.schema.json")
            ?? throw new InvalidOperationException("the results.json schema is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string ToJson(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return JsonSerializer.Serialize(ResultsMapping.ToDocument(run), Options) + "\n";
    }

    public static void Write(RunRecord run, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.WriteAllText(path, ToJson(run));
    }

    /// <summary>Reads a results.json back into a run record; a malformed file throws <see cref="BenchInputException"/> with file:line:col.</summary>
    public static RunRecord Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BenchInputException(path, $"cannot read results file: {e.Message}", e);
        }

        return FromJson(text, path);
    }

    /// <summary>Parses results.json text; <paramref name="location"/> names the source in error messages.</summary>
    public static RunRecord FromJson(string json, string location = "results.json")
    {
        ResultsDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<ResultsDocument>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"{location}:{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : location;
            throw new BenchInputException(where, $"not a valid {Schema} file: {FirstSentence(e.Message)}", e);
        }

        if (doc is null)
        {
            throw new BenchInputException(location, $"not a valid {Schema} file: the document is null");
        }

        return ResultsMapping.ToRecord(doc, location);
    }

    // System.Text.Json appends "| LineNumber: … | BytePositionInLine: …", which the location already says; the JSON path stays.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" | LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
