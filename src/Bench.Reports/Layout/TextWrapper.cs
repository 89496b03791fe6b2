namespace Bench.Reports.Layout;

/// <summary>Greedy line breaking at spaces; explicit newlines are kept; a word wider than the line is split by characters.</summary>
public static class TextWrapper
{
    public static IReadOnlyList<string> Wrap(string text, TextStyle style, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, style, width, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string paragraph, TextStyle style, float width, List<string> lines)
    {
        var current = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (style.Measure(candidate) <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (style.Measure(current) > width && current.Length > 1)
            {
                var cut = current.Length - 1;
                while (cut > 1 && style.Measure(current[..cut]) > width)
                {
                    cut--;
                }

                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }

        lines.Add(current);
    }
}
