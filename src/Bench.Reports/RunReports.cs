using Bench.Core.Results;
using Bench.Reports.Certificate;
using Bench.Reports.Csv;
using Bench.Reports.Json;
using Bench.Reports.JUnit;

namespace Bench.Reports;

/// <summary>Writes every file a run leaves behind into one folder, results.json first (it is the record the others derive from).</summary>
public static class RunReports
{
    public const string ResultsFile = "results.json";
    public const string CertificateFile = "certificate.pdf";
    public const string JUnitFile = "junit.xml";
    public const string CsvFile = "results.csv";

    /// <returns>The paths written, in the order written.</returns>
    public static IReadOnlyList<string> WriteAll(RunRecord run, string directory, CertificateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(directory);
        var results = Path.Combine(directory, ResultsFile);
        var certificate = Path.Combine(directory, CertificateFile);
        var junit = Path.Combine(directory, JUnitFile);
        var csv = Path.Combine(directory, CsvFile);
        ResultsJsonWriter.Write(run, results);
        CertificateWriter.Write(run, certificate, options);
        JUnitWriter.Write(run, junit);
        CsvResultsWriter.Write(run, csv);
        return [results, certificate, junit, csv];
    }
}
