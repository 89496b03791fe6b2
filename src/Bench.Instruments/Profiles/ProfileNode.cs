using System.Globalization;

using Bench.Core.Errors;

using YamlDotNet.RepresentationModel;

namespace Bench.Instruments.Profiles;

/// <summary>
/// A YAML node with the file it came from, so that every complaint about a profile reads "path:line:col: reason".
/// </summary>
internal sealed class ProfileNode(string path, YamlNode node)
{
    public YamlNode Node { get; } = node;

    public string Location => $"{path}:{Node.Start.Line}:{Node.Start.Column}";

    public BenchInputException Error(string reason) => new(Location, reason);

    public YamlMappingNode Mapping => Node as YamlMappingNode ?? throw Error("expected a mapping (key: value lines)");

    public ProfileNode? Optional(string key)
    {
        var map = Mapping;
        return map.Children.TryGetValue(new YamlScalarNode(key), out var child) && !IsNull(child) ? new ProfileNode(path, child) : null;
    }

    public ProfileNode Required(string key) => Optional(key) ?? throw Error($"'{key}' is required");

    public void AllowOnly(params string[] keys)
    {
        foreach (var k in Mapping.Children.Keys)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (!keys.Contains(name, StringComparer.Ordinal))
            {
                throw new ProfileNode(path, k).Error($"unknown key '{name}'; expected one of: {string.Join(", ", keys)}");
            }
        }
    }

    public IEnumerable<(string Key, ProfileNode Value)> Entries() =>
        Mapping.Children.Select(kv => ((kv.Key as YamlScalarNode)?.Value ?? string.Empty, new ProfileNode(path, kv.Value)));

    public string String()
    {
        if (Node is not YamlScalarNode s || s.Value is null)
        {
            throw Error("expected a text value");
        }

        return s.Value;
    }

    public double Number()
    {
        var text = String();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw Error($"'{text}' is not a number (write it with a '.' decimal point)");
        }

        return v;
    }

    public double Number(double min, double max)
    {
        var v = Number();
        if (v < min || v > max)
        {
            throw Error($"{v.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)}…{max.ToString(CultureInfo.InvariantCulture)}");
        }

        return v;
    }

    public bool Boolean()
    {
        var text = String();
        return text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error($"'{text}' is not true or false"),
        };
    }

    public IReadOnlyList<ProfileNode> Items()
    {
        if (Node is not YamlSequenceNode seq)
        {
            throw Error("expected a list");
        }

        return seq.Children.Select(c => new ProfileNode(path, c)).ToArray();
    }

    public IReadOnlyList<string> Strings() => Node is YamlScalarNode ? [String()] : Items().Select(i => i.String()).ToArray();

    public CommandTemplate Template()
    {
        try
        {
            return new CommandTemplate(String());
        }
        catch (FormatException ex)
        {
            throw Error(ex.Message);
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null" } s && s.Style == YamlDotNet.Core.ScalarStyle.Plain;
}
