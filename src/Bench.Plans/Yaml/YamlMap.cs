using System.Globalization;

using Bench.Core.Errors;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bench.Plans.Yaml;

/// <summary>
/// A YAML mapping read with its marks, so every error names file:line:col. Unknown keys are errors too:
/// a misspelt key in a certification plan must not be silently ignored.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private YamlMap(string file, YamlMappingNode node)
    {
        File = file;
        _node = node;
    }

    public string File { get; }

    public string Where => At(_node);

    public static YamlMap LoadFile(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new BenchInputException(path, "file not found");
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new BenchInputException($"{path}:{e.Start.Line}:{e.Start.Column}", FirstLine(e.Message));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new BenchInputException($"{path}:1:1", "expected a YAML mapping (key: value lines) at the top level");
        }

        return new YamlMap(path, root);
    }

    public string At(YamlNode node) => $"{File}:{node.Start.Line}:{node.Start.Column}";

    public bool Has(string key) => _node.Children.ContainsKey(new YamlScalarNode(key));

    public YamlScalarNode? Scalar(string key)
    {
        if (!TryGet(key, out var node))
        {
            return null;
        }

        return node as YamlScalarNode ?? throw new BenchInputException(At(node), $"'{key}' must be a single value");
    }

    public string RequiredString(string key) =>
        Scalar(key)?.Value is { Length: > 0 } s ? s : throw new BenchInputException(Where, $"missing '{key}'");

    public string? OptionalString(string key) => Scalar(key)?.Value;

    public double? OptionalDouble(string key)
    {
        var node = Scalar(key);
        if (node is null)
        {
            return null;
        }

        return double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new BenchInputException(At(node), $"'{key}' must be a number (with a '.' decimal point), not '{node.Value}'");
    }

    public DateOnly? OptionalDate(string key)
    {
        var node = Scalar(key);
        if (node is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(node.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new BenchInputException(At(node), $"'{key}' must be a date written yyyy-mm-dd, not '{node.Value}'");
    }

    /// <summary>Whether <paramref name="key"/> is there and holds a mapping (for keys that take a value or a mapping).</summary>
    public bool IsMap(string key) => _node.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode;

    public YamlMap? OptionalMap(string key)
    {
        if (!TryGet(key, out var node))
        {
            return null;
        }

        return node is YamlMappingNode m ? new YamlMap(File, m) : throw new BenchInputException(At(node), $"'{key}' must be a mapping");
    }

    public IReadOnlyList<YamlMap> RequiredList(string key)
    {
        if (!TryGet(key, out var node))
        {
            throw new BenchInputException(Where, $"missing '{key}'");
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            throw new BenchInputException(At(node), $"'{key}' must be a non-empty list");
        }

        return seq.Children
            .Select(c => c is YamlMappingNode m ? new YamlMap(File, m) : throw new BenchInputException(At(c), $"each entry of '{key}' must be a mapping"))
            .ToList();
    }

    /// <summary>Throws at the first key that was never asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (k, _) in _node.Children)
        {
            if (k is YamlScalarNode s && s.Value is { } name && !_read.Contains(name))
            {
                throw new BenchInputException(At(k), $"unknown key '{name}'");
            }
        }
    }

    private bool TryGet(string key, out YamlNode node)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out node!);
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var close = line.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 ? line[(close + 3)..] : line;
    }
}
