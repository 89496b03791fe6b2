using Bench.Reports.Layout;

using SkiaSharp;

namespace Bench.Reports.Certificate;

/// <summary>Header and footer on every page: lab, unique certificate number, date of issue, "Page x of y" (ISO/IEC 17025 §7.8.2.1 d).</summary>
internal sealed class RunningHeader(ReportStyles styles, PageSpec page, string labName, string certificateId, DateTimeOffset issued)
{
    public void Draw(SKCanvas canvas, int pageNumber, int pageCount)
    {
        var left = page.MarginLeft;
        var right = page.Width - page.MarginRight;
        using var rule = new SKPaint { Color = ReportStyles.Rule, StrokeWidth = 0.6f, IsStroke = true };

        var headTop = 30f;
        var number = $"Certificate No. {certificateId}";
        var labStyle = styles.BodyBold.WithColor(ReportStyles.Accent);
        labStyle.DrawLine(canvas, Fit(labName, labStyle, page.BodyWidth - styles.Body.Measure(number) - 18), left, headTop);
        styles.Body.DrawLine(canvas, number, right, headTop, SKTextAlign.Right);
        canvas.DrawLine(left, headTop + 16, right, headTop + 16, rule);

        var footTop = page.Height - 44f;
        canvas.DrawLine(left, footTop - 4, right, footTop - 4, rule);
        var small = styles.Small;
        small.DrawLine(canvas, $"Certificate No. {certificateId} · issued {Numbers.Date(issued)}", left, footTop);
        styles.Body.DrawLine(canvas, $"Page {pageNumber} of {pageCount}", right, footTop, SKTextAlign.Right);
        small.DrawLine(canvas, "This certificate shall not be reproduced except in full without the written approval of the laboratory.", left, footTop + 11);
    }

    /// <summary>The text, cut with an ellipsis where it would run into what sits beside it (the full lab name is on page 1).</summary>
    internal static string Fit(string text, TextStyle style, float width)
    {
        if (style.Measure(text) <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 1 && style.Measure(text[..cut].TrimEnd() + "…") > width)
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
