using System.Diagnostics;

using UglyToad.PdfPig;

namespace Bench.Reports.Tests.Support;

/// <summary>Reads a PDF back with two independent readers: PdfPig (words per page) and poppler's pdftotext -layout.</summary>
internal static class PdfText
{
    public static IReadOnlyList<IReadOnlyList<string>> PdfPigWords(string path)
    {
        using var document = PdfDocument.Open(path);
        return document.GetPages().Select(p => (IReadOnlyList<string>)p.GetWords().Select(w => w.Text).ToList()).ToList();
    }

    public static string Poppler(string path, params string[] extra)
    {
        var psi = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in extra)
        {
            psi.ArgumentList.Add(a);
        }

        psi.ArgumentList.Add("-layout");
        psi.ArgumentList.Add(path);
        psi.ArgumentList.Add("-");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start pdftotext (apt-get install poppler-utils)");
        var text = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(30_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pdftotext failed ({process.ExitCode}): {errors}");
        }

        return text;
    }

    public static string PdfInfo(string path)
    {
        var psi = new ProcessStartInfo("pdfinfo", [path]) { RedirectStandardOutput = true };
        using var process = Process.Start(psi)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit(30_000);
        return text;
    }
}
