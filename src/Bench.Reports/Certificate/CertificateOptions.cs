namespace Bench.Reports.Certificate;

/// <summary>How to write a certificate. Every member is optional; the defaults suit `bench selftest`.</summary>
public sealed record CertificateOptions
{
    /// <summary>Lab identity YAML; default: reports/lab.yaml in <see cref="ReportsDirectory"/>.</summary>
    public string? LabFile { get; init; }

    /// <summary>Folder holding LiberationSans-Regular.ttf and -Bold.ttf; default: reports/fonts in <see cref="ReportsDirectory"/>.</summary>
    public string? FontsDirectory { get; init; }

    /// <summary>
    /// The reports/ folder; default: found by walking up from <see cref="AppContext.BaseDirectory"/> to the first folder
    /// that contains reports/fonts (the build copies it next to the assembly; a source checkout has it at the top).
    /// </summary>
    public string? ReportsDirectory { get; init; }

    /// <summary>PDF creation/modification date and the printed date of issue; default: the run's finish time, so the same run gives the same bytes.</summary>
    public DateTimeOffset? IssueDate { get; init; }

    /// <summary>Customer name and contact (ISO/IEC 17025 §7.8.2.1 e); printed as "not stated" when null.</summary>
    public string? Customer { get; init; }

    /// <summary>Test conditions (ISO/IEC 17025 §7.8.3 a), e.g. "ambient 23 ± 1 °C, 45 % RH; warm-up 2 h at Un"; printed as "not recorded" when null.</summary>
    public string? TestConditions { get; init; }

    /// <summary>Date the item was received (§7.8.2.1 h); printed as "not stated" when null.</summary>
    public DateOnly? ItemReceived { get; init; }

    /// <summary>Additions to, deviations from or exclusions from the method (§7.8.2.1 n); "none" when null.</summary>
    public string? Deviations { get; init; }

    /// <summary>Certificate number; default the run id. A re-issue needs a new number (§7.8.8) and names the one it replaces in <see cref="Replaces"/>.</summary>
    public string? CertificateNumber { get; init; }

    /// <summary>Number of the certificate this one amends or replaces (§7.8.8), printed under the title.</summary>
    public string? Replaces { get; init; }

    /// <summary>Certificate title; the default names the kind of test.</summary>
    public string Title { get; init; } = "Accuracy Test Certificate";

    /// <summary>
    /// Claim PDF/A-2b (XMP metadata with the pdfaid claim, as SkiaSharp produces it; not checked here with a PDF/A
    /// validator) for archiving. Off by default: SkiaSharp
    /// puts a fresh document UUID in the XMP, so the bytes then differ between writes of the same run.
    /// </summary>
    public bool PdfA { get; init; }

    /// <summary>TUR below this ratio is flagged on the certificate (4:1 is the conventional target).</summary>
    public double TurWarning { get; init; } = 4.0;
}
