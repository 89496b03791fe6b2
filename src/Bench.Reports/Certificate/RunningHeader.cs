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
        styles.BodyBold.WithColor(ReportStyles.Accent).DrawLine(canvas, labName, left, headTop);
        styles.Body.DrawLine(canvas, $"Certificate No. {certificateId}", right, headTop, SKTextAlign.Right);
        canvas.DrawLine(left, headTop + 16, right, headTop + 16, rule);

        var footTop = page.Height - 44f;
        canvas.DrawLine(left, footTop - 4, right, footTop - 4, rule);
        var small = styles.Small;
        small.DrawLine(canvas, $"Certificate No. {certificateId} · issued {Numbers.Date(issued)}", left, footTop);
        styles.Body.DrawLine(canvas, $"Page {pageNumber} of {pageCount}", right, footTop, SKTextAlign.Right);
        small.DrawLine(canvas, "This certificate shall not be reproduced except in full without the written approval of the laboratory.", left, footTop + 11);
    }
}
