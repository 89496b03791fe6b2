using System.CommandLine;

using Bench.Cli.Running;
using Bench.Core.Errors;

namespace Bench.Cli.Commands;

/// <summary>`bench run PLAN --bench BENCH --dut DUT`: a plan on a real (or virtual) bench.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var planArgument = new Argument<string>("PLAN") { Description = "Plan file (a path, or a file name in testplans/)" };
        var benchOption = new Option<string>("--bench") { Description = "Bench profile: instruments, resources, calibration (a path, or a name in fixtures/bench/)", Required = true };
        var dutOption = new Option<string>("--dut") { Description = "DUT profile: ratings and register map (a path, or a name in fixtures/dut/)", Required = true };
        var serialOption = new Option<string?>("--serial") { Description = "Scanned serial number; the run stops if the meter reports another" };
        var outOption = new Option<string?>("--out") { Description = "Output folder (default: a new folder under reports/output/)" };
        var resumeOption = new Option<string?>("--resume") { Description = "Folder of an interrupted run: keep its measured points, measure the rest" };
        var verboseOption = new Option<bool>("--verbose") { Description = "Log SCPI and Modbus traffic" };
        var command = new Command("run", "Run a certification plan on a bench")
        {
            planArgument, benchOption, dutOption, serialOption, outOption, resumeOption, verboseOption,
        };
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            try
            {
                var request = new RunRequest(
                    ShippedFiles.Resolve(parse.GetValue(planArgument)!, "testplans", "PLAN"),
                    ShippedFiles.Resolve(parse.GetValue(benchOption)!, Path.Combine("fixtures", "bench"), "--bench"),
                    ShippedFiles.Resolve(parse.GetValue(dutOption)!, Path.Combine("fixtures", "dut"), "--dut"))
                {
                    Serial = parse.GetValue(serialOption),
                    OutDirectory = parse.GetValue(outOption),
                    ResumeDirectory = parse.GetValue(resumeOption),
                    Verbose = parse.GetValue(verboseOption),
                };
                return await new RunSession(Console.Out, Console.Error).RunAsync(request, ct);
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
