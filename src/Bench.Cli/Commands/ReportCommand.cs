using System.CommandLine;

using Bench.Cli.Running;
using Bench.Core.Errors;
using Bench.Reports.Certificate;
using Bench.Reports.Csv;
using Bench.Reports.Json;
using Bench.Reports.JUnit;

namespace Bench.Cli.Commands;

/// <summary>`bench report RESULTS --out DIR`: the certificate, JUnit XML and CSV again from a results.json (e.g. with a new lab identity).</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var resultsArgument = new Argument<string>("RESULTS") { Description = "results.json of a run (or its folder)" };
        var outOption = new Option<string>("--out") { Description = "Folder for certificate.pdf, junit.xml and results.csv", Required = true };
        var command = new Command("report", "Write the certificate, JUnit XML and CSV of a run from its results.json")
        {
            resultsArgument, outOption,
        };
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            try
            {
                var run = ResultsJsonWriter.Read(CompareCommand.ResultsPath(parse.GetValue(resultsArgument)!));
                var outDir = parse.GetValue(outOption)!;
                Directory.CreateDirectory(outDir);
                var pdf = Path.Combine(outDir, "certificate.pdf");
                CertificateWriter.Write(run, pdf);
                JUnitWriter.Write(run, Path.Combine(outDir, "junit.xml"));
                CsvResultsWriter.Write(run, Path.Combine(outDir, "results.csv"));
                await Console.Out.WriteLineAsync($"certificate: {pdf}");
                return ExitCodes.Passed;
            }
            catch (BenchInputException e)
            {
                await Console.Error.WriteLineAsync($"bench: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
