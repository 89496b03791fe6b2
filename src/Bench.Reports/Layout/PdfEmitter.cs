using SkiaSharp;

namespace Bench.Reports.Layout;

/// <summary>
/// Replays laid-out pages into a PDF with SkiaSharp's <see cref="SKDocument"/>. The running header and footer are drawn
/// per page by <paramref name="decorate"/> (page number, page count). Fixed metadata dates give repeatable bytes.
/// </summary>
public static class PdfEmitter
{
    public static void Write(Stream output, DocumentLayout layout, SKDocumentPdfMetadata metadata, Action<SKCanvas, int, int> decorate)
    {
        ArgumentNullException.ThrowIfNull(layout);
        using var managed = new SKManagedWStream(output);
        using var document = SKDocument.CreatePdf(managed, metadata)
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document");
        var count = layout.Pages.Count;
        for (var i = 0; i < count; i++)
        {
            var canvas = document.BeginPage(layout.Page.Width, layout.Page.Height);
            layout.Pages[i].Draw(canvas);
            decorate(canvas, i + 1, count);
            document.EndPage();
        }

        document.Close();
    }
}
