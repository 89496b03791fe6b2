using System.CommandLine;
using System.CommandLine.Invocation;

using Bench.Cli.Commands;
using Bench.Cli.Running;

namespace Bench.Cli;

/// <summary>The root of the <c>bench</c> command: wires the subcommands, nothing else.</summary>
public static class BenchCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Bench: hardware-in-the-loop test bench and certification harness for electricity meters");
        root.Subcommands.Add(SelftestCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(PlansCommand.Create());
        root.Subcommands.Add(SimCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(Analyze.AnalyzeCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Bad arguments are bad input: exit code 3 with one line each, not System.CommandLine's default 1.
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"bench: {error.Message}");
            }

            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // A defect in Bench is not a failed meter: never exit 1 for it, and keep the stack trace for the report.
            await Console.Error.WriteLineAsync($"bench: internal error ({e.GetType().Name}): {e.Message}");
            await Console.Error.WriteLineAsync(e.ToString());
            return ExitCodes.IncompleteOrAborted;
        }
    }
}
