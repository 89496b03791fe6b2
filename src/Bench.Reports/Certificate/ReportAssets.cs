using Bench.Core.Errors;

namespace Bench.Reports.Certificate;

/// <summary>Finds the reports/ folder (lab identity, fonts) and resolves the paths a certificate needs.</summary>
internal sealed record ReportAssets(string LabFile, string FontsDirectory)
{
    public const string RegularFont = "LiberationSans-Regular.ttf";
    public const string BoldFont = "LiberationSans-Bold.ttf";

    public static ReportAssets Resolve(CertificateOptions options)
    {
        string? reports = options.ReportsDirectory;
        if (reports is null && (options.LabFile is null || options.FontsDirectory is null))
        {
            reports = FindReportsDirectory(AppContext.BaseDirectory)
                ?? throw new BenchInputException(AppContext.BaseDirectory,
                    $"cannot find reports/fonts/{RegularFont} in this folder or above it; set CertificateOptions.ReportsDirectory");
        }

        var lab = options.LabFile ?? Path.Combine(reports!, "lab.yaml");
        var fonts = options.FontsDirectory ?? Path.Combine(reports!, "fonts");
        foreach (var font in new[] { RegularFont, BoldFont })
        {
            if (!File.Exists(Path.Combine(fonts, font)))
            {
                throw new BenchInputException(fonts, $"report font {font} is missing");
            }
        }

        return new ReportAssets(lab, fonts);
    }

    /// <summary>The fonts folder alone (plots outside a certificate need no lab file).</summary>
    public static string ResolveFonts(string? reportsDirectory)
    {
        var reports = reportsDirectory ?? FindReportsDirectory(AppContext.BaseDirectory)
            ?? throw new BenchInputException(AppContext.BaseDirectory, $"cannot find reports/fonts/{RegularFont} in this folder or above it");
        var fonts = Path.Combine(reports, "fonts");
        if (!File.Exists(Path.Combine(fonts, RegularFont)) || !File.Exists(Path.Combine(fonts, BoldFont)))
        {
            throw new BenchInputException(fonts, $"report fonts {RegularFont} and {BoldFont} are missing");
        }

        return fonts;
    }

    public static string? FindReportsDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "reports");
            if (File.Exists(Path.Combine(candidate, "fonts", RegularFont)))
            {
                return candidate;
            }
        }

        return null;
    }
}
