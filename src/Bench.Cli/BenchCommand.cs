using System.CommandLine;

namespace Bench.Cli;

/// <summary>The root of the <c>bench</c> command: wires the subcommands, nothing else.</summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Bench: hardware-in-the-loop test bench and certification harness for electricity meters");
        root.Subcommands.Add(Analyze.AnalyzeCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }
}
