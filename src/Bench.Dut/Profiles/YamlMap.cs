using System.Globalization;

using Bench.Core.Errors;

using YamlDotNet.RepresentationModel;

namespace Bench.Dut.Profiles;

/// <summary>
/// A YAML mapping read with its marks: every error names path:line:col, and keys nobody asked for are reported as
/// unknown (a typo in a profile must not silently fall back to a default).
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public YamlMap(string path, YamlMappingNode node)
    {
        Path = path;
        _node = node;
    }

    public string Path { get; }

    public string Where => At(_node);

    public string At(YamlNode node) => string.Create(CultureInfo.InvariantCulture, $"{Path}:{node.Start.Line}:{node.Start.Column}");

    public static YamlMap Of(string path, YamlNode node, string what) => node is YamlMappingNode m
        ? new YamlMap(path, m)
        : throw new BenchInputException(string.Create(CultureInfo.InvariantCulture, $"{path}:{node.Start.Line}:{node.Start.Column}"), $"{what} must be a mapping");

    public YamlNode? Node(string key)
    {
        _used.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries()
    {
        foreach (var (k, v) in _node.Children)
        {
            var key = KeyText(k);
            _used.Add(key);
            yield return (key, k, v);
        }
    }

    public YamlMap Map(string key) => Node(key) is { } n ? Of(Path, n, key) : throw Missing(key);

    public YamlMap? OptionalMap(string key) => Node(key) is { } n ? Of(Path, n, key) : null;

    public YamlSequenceNode? OptionalSequence(string key) => Node(key) switch
    {
        null => null,
        YamlSequenceNode s => s,
        var n => throw new BenchInputException(At(n), $"'{key}' must be a list"),
    };

    public string String(string key) => OptionalString(key) ?? throw Missing(key);

    public string? OptionalString(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode s => s.Value ?? string.Empty,
        var n => throw new BenchInputException(At(n), $"'{key}' must be a single value"),
    };

    public double Number(string key) => OptionalNumber(key) ?? throw Missing(key);

    public double? OptionalNumber(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new BenchInputException(At(node), $"'{key}' must be a number (invariant culture, e.g. 0.005)");
    }

    public int Integer(string key, int min, int max) => OptionalInteger(key, min, max) ?? throw Missing(key);

    public int? OptionalInteger(string key, int min, int max)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min || value > max)
            {
                throw new BenchInputException(At(node), string.Create(CultureInfo.InvariantCulture, $"'{key}' must lie in {min}…{max}, not {value}"));
            }

            return value;
        }

        throw new BenchInputException(At(node), $"'{key}' must be a whole number");
    }

    public T Choice<T>(string key, IReadOnlyDictionary<string, T> choices, T? fallback = null)
        where T : struct
    {
        var node = Node(key);
        if (node is null)
        {
            return fallback ?? throw Missing(key);
        }

        if (node is YamlScalarNode { Value: { } text } && choices.TryGetValue(text, out var value))
        {
            return value;
        }

        throw new BenchInputException(At(node), $"'{key}' must be one of {string.Join(", ", choices.Keys)}");
    }

    /// <summary>Fails on the first key no reader asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (k, _) in _node.Children)
        {
            var key = KeyText(k);
            if (!_used.Contains(key))
            {
                throw new BenchInputException(At(k), $"unknown key '{key}'");
            }
        }
    }

    private BenchInputException Missing(string key) => new(Where, $"missing '{key}'");

    private string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } text }
        ? text
        : throw new BenchInputException(At(key), "keys are plain names");
}
