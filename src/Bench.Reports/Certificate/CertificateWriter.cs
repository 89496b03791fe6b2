using Bench.Core.Results;
using Bench.Reports.Files;
using Bench.Reports.Layout;

using SkiaSharp;

namespace Bench.Reports.Certificate;

/// <summary>
/// Writes the PDF certificate of a run (ISO/IEC 17025 §7.8 content, decision-rules.md §6 fields) with SkiaSharp's PDF
/// backend, the shipped Liberation Sans font and a vector ScottPlot error curve. Same run and options give the same bytes.
/// </summary>
public static class CertificateWriter
{
    public static void Write(RunRecord run, string path, CertificateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new MemoryStream();
        Write(run, stream, options);
        AtomicFile.WriteAllBytes(path, stream.ToArray());
    }

    public static void Write(RunRecord run, Stream output, CertificateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new CertificateOptions();
        var assets = ReportAssets.Resolve(options);
        var lab = LabIdentityReader.Read(assets.LabFile);
        var (regular, bold) = ReportFonts.Load(assets.FontsDirectory);
        var styles = new ReportStyles(regular, bold);
        var issued = options.IssueDate ?? run.Finished;
        var number = options.CertificateNumber ?? run.RunId;
        var digest = ResultsDigest.Compute(run);

        var layout = new DocumentLayout(PageSpec.A4, styles);
        new CertificateComposer(layout, run, lab, options, issued) { Number = number, Digest = digest }.Compose();

        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{options.Title} {number}",
            Author = lab.Name,
            Subject = $"{run.Dut.Identity.Manufacturer} {run.Dut.Identity.Model} serial {run.Dut.Identity.SerialNumber}: {run.Standard} class {run.AccuracyClass}",
            Keywords = $"{number}; run {run.RunId}; {run.Verdict.ToWireText()}; results sha256 {digest}",
            Creator = CertificateComposer.SoftwareName(run),
            Producer = "Bench (SkiaSharp PDF)",
            Creation = issued.UtcDateTime,
            Modified = issued.UtcDateTime,
            PdfA = options.PdfA,
            RasterDpi = 300,
        };
        var header = new RunningHeader(styles, layout.Page, lab.Name, number, issued);
        PdfEmitter.Write(output, layout, metadata, header.Draw);
    }
}
