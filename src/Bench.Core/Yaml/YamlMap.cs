using System.Globalization;

using Bench.Core.Errors;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bench.Core.Yaml;

/// <summary>
/// A YAML mapping read with its marks, so every error names file:line:col, for plans and bench, DUT and instrument
/// profiles alike. Keys nobody asked for are errors too (<see cref="RejectUnknownKeys"/>): a misspelt key in a
/// certification plan or a profile must not silently fall back to a default.
/// </summary>
public sealed partial class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(string file, YamlMappingNode node)
    {
        File = file;
        _node = node;
    }

    /// <summary>The file (or the name given to parsed text) that messages name.</summary>
    public string File { get; }

    public string Where => At(_node);

    /// <summary>Reads a file whose top level is a mapping (an explicit file reader: the one I/O in Bench.Core).</summary>
    public static YamlMap LoadFile(string path, string what = "a YAML mapping (key: value lines)")
    {
        if (!System.IO.File.Exists(path))
        {
            throw new BenchInputException(path, "file not found");
        }

        return Parse(System.IO.File.ReadAllText(path), path, what);
    }

    /// <summary>Parses one YAML document whose top level is a mapping; <paramref name="file"/> names it in messages.</summary>
    public static YamlMap Parse(string yaml, string file, string what = "a YAML mapping (key: value lines)")
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new BenchInputException(Location(file, e.Start), $"not valid YAML: {FirstLine(e.InnerException?.Message ?? e.Message)}", e);
        }

        if (stream.Documents.Count == 0)
        {
            throw new BenchInputException($"{file}:1:1", $"expected {what} at the top level, found nothing");
        }

        if (stream.Documents.Count > 1)
        {
            throw new BenchInputException(Location(file, stream.Documents[1].RootNode.Start), $"expected one YAML document ({what}), found {stream.Documents.Count}");
        }

        return stream.Documents[0].RootNode is YamlMappingNode root
            ? new YamlMap(file, root)
            : throw new BenchInputException(Location(file, stream.Documents[0].RootNode.Start), $"expected {what} at the top level");
    }

    /// <summary>A node that must be a mapping (an entry of a list, a value under a key the caller iterates).</summary>
    public static YamlMap Of(string file, YamlNode node, string what) => node is YamlMappingNode m
        ? new YamlMap(file, m)
        : throw new BenchInputException(Location(file, node.Start), $"{what} must be a mapping");

    public string At(YamlNode node) => Location(File, node.Start);

    public bool Has(string key) => _node.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>Whether <paramref name="key"/> is there and holds a mapping (for keys that take a value or a mapping).</summary>
    public bool IsMap(string key) => _node.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode;

    /// <summary>The value under <paramref name="key"/>, whatever its kind; null when absent. Marks the key as read.</summary>
    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    /// <summary>Every entry, in file order; all of them count as read.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries()
    {
        foreach (var (k, v) in _node.Children)
        {
            var key = KeyText(k);
            _read.Add(key);
            yield return (key, k, v);
        }
    }

    /// <summary>Fails at the first key no reader asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (k, _) in _node.Children)
        {
            var key = KeyText(k);
            if (!_read.Contains(key))
            {
                throw new BenchInputException(At(k), $"unknown key '{key}'");
            }
        }
    }

    private static string Location(string file, Mark mark) => string.Create(CultureInfo.InvariantCulture, $"{file}:{mark.Line}:{mark.Column}");

    private BenchInputException Missing(string key) => new(Where, $"missing '{key}'");

    private string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } text }
        ? text
        : throw new BenchInputException(At(key), "keys are plain names");

    /// <summary>YamlDotNet's message without its "(Line: …): " prefix; the location is in the exception's own field.</summary>
    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var close = line.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 ? line[(close + 3)..] : line;
    }
}
