using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bench.Instruments.Profiles;

/// <summary>
/// A command written as in a SCPI manual with placeholders: <c>[SOURce:]PHASe{phase}:VOLTage {voltage:F3},{angle}</c>.
/// Rendering drops the optional [..] parts and formats numbers with the invariant culture (default: round-trip);
/// <see cref="BuildMatcher"/> turns it into the regex a simulator uses to accept the long, short or bracket-less forms.
/// </summary>
public sealed partial class CommandTemplate
{
    private readonly List<Segment> _segments;

    public CommandTemplate(string text)
    {
        Text = text;
        _segments = Split(text);
        Placeholders = _segments.Where(s => s.Placeholder is not null).Select(s => s.Placeholder!).Distinct().ToArray();
    }

    public string Text { get; }

    public IReadOnlyList<string> Placeholders { get; }

    public bool IsQuery => Text.TrimEnd().EndsWith('?') || Text.Contains("? ", StringComparison.Ordinal);

    public string Render(IReadOnlyDictionary<string, double>? values = null)
    {
        var sb = new StringBuilder();
        foreach (var s in _segments)
        {
            if (s.Placeholder is { } name)
            {
                if (values is null || !values.TryGetValue(name, out var v))
                {
                    throw new ArgumentException($"command template '{Text}' needs a value for '{name}'", nameof(values));
                }

                if (!double.IsFinite(v))
                {
                    throw new ArgumentOutOfRangeException(nameof(values), v, $"'{name}' must be a finite number for '{Text}'");
                }

                sb.Append(v.ToString(string.IsNullOrEmpty(s.Format) ? "R" : s.Format, CultureInfo.InvariantCulture));
            }
            else if (!s.Optional)
            {
                sb.Append(s.Literal);
            }
        }

        return sb.ToString();
    }

    public string Render(params (string Name, double Value)[] values) =>
        Render(values.ToDictionary(v => v.Name, v => v.Value));

    /// <summary>A case-insensitive regex that accepts the command in long or short form, with or without optional parts; one named group per placeholder.</summary>
    public Regex BuildMatcher(bool compiled = false)
    {
        var sb = new StringBuilder("^:?");
        foreach (var s in _segments)
        {
            if (s.Placeholder is { } name)
            {
                sb.Append("(?<").Append(name).Append('>').Append(NumberPattern).Append(')');
            }
            else
            {
                var lit = LiteralPattern(s.Literal!);
                sb.Append(s.Optional ? "(?:" + lit + ")?" : lit);
            }
        }

        sb.Append(@"\s*$");
        return new Regex(sb.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | (compiled ? RegexOptions.Compiled : RegexOptions.None));
    }

    public override string ToString() => Text;

    private const string NumberPattern = @"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?";

    private static string LiteralPattern(string literal)
    {
        var sb = new StringBuilder();
        foreach (Match m in Token().Matches(literal))
        {
            var t = m.Value;
            if (char.IsAsciiLetter(t[0]))
            {
                var upper = new string(t.TakeWhile(char.IsAsciiLetterUpper).ToArray());
                var rest = t[upper.Length..];
                sb.Append(upper.Length > 0 && rest.Length > 0 && rest.All(char.IsAsciiLetterLower)
                    ? $"{Regex.Escape(upper)}(?:{Regex.Escape(rest)})?"
                    : Regex.Escape(t));
            }
            else if (t.All(char.IsWhiteSpace))
            {
                sb.Append(@"\s+");
            }
            else if (t == ",")
            {
                sb.Append(@"\s*,\s*");
            }
            else
            {
                sb.Append(Regex.Escape(t));
            }
        }

        return sb.ToString();
    }

    private static List<Segment> Split(string text)
    {
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        var optional = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{')
            {
                var close = text.IndexOf('}', i);
                if (close < 0)
                {
                    throw new FormatException($"unclosed '{{' in command template '{text}'");
                }

                Flush();
                var inner = text[(i + 1)..close];
                var colon = inner.IndexOf(':');
                var name = colon < 0 ? inner : inner[..colon];
                if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                {
                    throw new FormatException($"placeholder '{{{inner}}}' in '{text}' needs a name of letters, digits and '_'");
                }

                segments.Add(new Segment(null, name, colon < 0 ? null : inner[(colon + 1)..], optional));
                i = close;
            }
            else if (c == '[' || c == ']')
            {
                Flush();
                optional = c == '[';
            }
            else
            {
                literal.Append(c);
            }
        }

        Flush();
        return segments;

        void Flush()
        {
            if (literal.Length > 0)
            {
                segments.Add(new Segment(literal.ToString(), null, null, optional));
                literal.Clear();
            }
        }
    }

    [GeneratedRegex(@"[A-Za-z]+|\s+|,|[^A-Za-z\s,]")]
    private static partial Regex Token();

    private sealed record Segment(string? Literal, string? Placeholder, string? Format, bool Optional);
}
