using System.CommandLine;

using Bench.Cli.Running;
using Bench.Core.Errors;
using Bench.Reports.Comparison;
using Bench.Reports.Json;

namespace Bench.Cli.Commands;

/// <summary>
/// `bench compare BASELINE CANDIDATE`: drift between two runs point by point (e.g. two firmware builds), verdict
/// changes, and an exit code a CI job can gate on: 1 when a point regressed, 0 otherwise.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var baselineArgument = new Argument<string>("BASELINE") { Description = "results.json of the baseline run (or its folder)" };
        var candidateArgument = new Argument<string>("CANDIDATE") { Description = "results.json of the candidate run (or its folder)" };
        var markdownOption = new Option<string?>("--markdown") { Description = "Also write the comparison as Markdown (for a CI summary or a merge request)" };
        var command = new Command("compare", "Show the drift of every point between two runs and the verdicts that changed")
        {
            baselineArgument, candidateArgument, markdownOption,
        };
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            try
            {
                var baseline = ResultsJsonWriter.Read(ResultsPath(parse.GetValue(baselineArgument)!));
                var candidate = ResultsJsonWriter.Read(ResultsPath(parse.GetValue(candidateArgument)!));
                var comparison = RunComparison.Compare(baseline, candidate);
                await Console.Out.WriteAsync(comparison.ToText());
                if (parse.GetValue(markdownOption) is { } markdown)
                {
                    await File.WriteAllTextAsync(markdown, comparison.ToMarkdown(), ct);
                }

                return comparison.Regressions.Any() ? ExitCodes.Failed : ExitCodes.Passed;
            }
            catch (BenchInputException e)
            {
                await Console.Error.WriteLineAsync($"bench: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    /// <summary>A results.json path, or a run folder that holds one.</summary>
    internal static string ResultsPath(string given)
    {
        var path = Directory.Exists(given) ? Path.Combine(given, "results.json") : given;
        return File.Exists(path) ? path : throw new BenchInputException(given, "no results.json there");
    }
}
