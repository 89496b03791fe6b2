using SkiaSharp;

namespace Bench.Reports.Certificate;

/// <summary>
/// Registers the shipped font with ScottPlot once per process and hands out its typefaces, so text and plots use the
/// same SKTypeface and the PDF embeds the font once. Sets ScottPlot.Fonts.Default: SKTypeface.Default is a serif here.
/// ScottPlot cannot unregister a font, so the first fonts folder registered wins for the life of the process.
/// </summary>
internal static class ReportFonts
{
    public const string Family = "Bench Report Sans";

    private static readonly Lock Gate = new();
    private static string? registeredFrom;

    public static (SKTypeface Regular, SKTypeface Bold) Load(string fontsDirectory)
    {
        lock (Gate)
        {
            if (registeredFrom is null)
            {
                ScottPlot.Fonts.AddFontFile(Family, Path.Combine(fontsDirectory, ReportAssets.RegularFont), bold: false, italic: false);
                ScottPlot.Fonts.AddFontFile(Family, Path.Combine(fontsDirectory, ReportAssets.BoldFont), bold: true, italic: false);
                registeredFrom = fontsDirectory;
            }

            ScottPlot.Fonts.Default = Family;
            return (ScottPlot.Fonts.GetTypeface(Family, bold: false, italic: false), ScottPlot.Fonts.GetTypeface(Family, bold: true, italic: false));
        }
    }
}
