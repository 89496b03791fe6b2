using System.Globalization;

using Bench.Core.Errors;

using YamlDotNet.RepresentationModel;

namespace Bench.Core.Yaml;

/// <summary>Typed values under a key: each either absent (null / Missing) or well formed, else an error at its mark.</summary>
public sealed partial class YamlMap
{
    public YamlScalarNode? Scalar(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode s => s,
        var n => throw new BenchInputException(At(n), $"'{key}' must be a single value"),
    };

    public string? OptionalString(string key) => Scalar(key)?.Value;

    /// <summary>A value that must be there and not be empty.</summary>
    public string RequiredString(string key) => OptionalString(key) is { Length: > 0 } s ? s : throw Missing(key);

    public string String(string key) => RequiredString(key);

    public YamlMap Map(string key) => OptionalMap(key) ?? throw Missing(key);

    public YamlMap? OptionalMap(string key) => Node(key) switch
    {
        null => null,
        YamlMappingNode m => new YamlMap(File, m),
        var n => throw new BenchInputException(At(n), $"'{key}' must be a mapping"),
    };

    public YamlSequenceNode? OptionalSequence(string key) => Node(key) switch
    {
        null => null,
        YamlSequenceNode s => s,
        var n => throw new BenchInputException(At(n), $"'{key}' must be a list"),
    };

    /// <summary>A non-empty list of mappings.</summary>
    public IReadOnlyList<YamlMap> RequiredList(string key)
    {
        var node = Node(key) ?? throw Missing(key);
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            throw new BenchInputException(At(node), $"'{key}' must be a non-empty list");
        }

        return seq.Children
            .Select(c => c is YamlMappingNode m ? new YamlMap(File, m) : throw new BenchInputException(At(c), $"each entry of '{key}' must be a mapping"))
            .ToList();
    }

    public double Number(string key) => OptionalNumber(key) ?? throw Missing(key);

    /// <summary>A finite number written with a '.' decimal point, whatever the machine's culture.</summary>
    public double? OptionalNumber(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        return node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new BenchInputException(At(node), $"'{key}' must be a number (with a '.' decimal point, e.g. 0.005), not '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}'");
    }

    public double? OptionalDouble(string key) => OptionalNumber(key);

    public int Integer(string key, int min, int max) => OptionalInteger(key, min, max) ?? throw Missing(key);

    public int? OptionalInteger(string key, int min, int max)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text } || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new BenchInputException(At(node), $"'{key}' must be a whole number");
        }

        return value >= min && value <= max
            ? value
            : throw new BenchInputException(At(node), string.Create(CultureInfo.InvariantCulture, $"'{key}' must lie in {min}…{max}, not {value}"));
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

    public T Choice<T>(string key, IReadOnlyDictionary<string, T> choices, T? fallback = null)
        where T : struct
    {
        var node = Node(key);
        if (node is null)
        {
            return fallback ?? throw Missing(key);
        }

        return node is YamlScalarNode { Value: { } text } && choices.TryGetValue(text, out var value)
            ? value
            : throw new BenchInputException(At(node), $"'{key}' must be one of {string.Join(", ", choices.Keys)}");
    }
}
