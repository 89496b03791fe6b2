using System.Collections.Concurrent;

using SkiaSharp;

namespace Bench.Reports.Layout;

/// <summary>A typeface at a size and colour. Fonts are created per use: SKFont is cheap and must be disposed.</summary>
public sealed record TextStyle(SKTypeface Typeface, float Size, SKColor Color)
{
    public float LineHeight => Size * 1.28f;

    public SKFont CreateFont() => new(Typeface, Size) { Subpixel = true, LinearMetrics = true, Edging = SKFontEdging.Antialias };

    public TextStyle WithSize(float size) => this with { Size = size };

    public TextStyle WithColor(SKColor color) => this with { Color = color };

    // Measuring runs for every word of every cell; one cached SKFont per typeface and size keeps that cheap.
    private static readonly ConcurrentDictionary<(SKTypeface, float), SKFont> MeasuringFonts = new();

    public float Measure(string text)
    {
        var font = MeasuringFonts.GetOrAdd((Typeface, Size), _ => CreateFont());
        lock (font)
        {
            return font.MeasureText(text);
        }
    }

    /// <summary>Draws one line whose box starts at <paramref name="top"/>; x is the left, centre or right edge by <paramref name="align"/>.</summary>
    public void DrawLine(SKCanvas canvas, string text, float x, float top, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = CreateFont();
        using var paint = new SKPaint { Color = Color, IsAntialias = true };
        var baseline = top + ((LineHeight - Size) / 2) - font.Metrics.Ascent;
        canvas.DrawText(text, x, baseline, align, font, paint);
    }
}
