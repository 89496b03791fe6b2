using System.CommandLine;
using System.Globalization;

using Bench.Cli.Running;

namespace Bench.Cli.Commands;

/// <summary>`bench selftest`: the shipped IEC 62053-22 class 0.2S plan on the virtual bench, end to end through the real protocols.</summary>
public static class SelftestCommand
{
    public const string DefaultPlan = "iec62053-22-cl02S-selftest.yaml";

    public static Command Create()
    {
        var outOption = new Option<string?>("--out") { Description = "Folder for certificate.pdf, results.json, junit.xml, results.csv (default: a new folder under reports/output/)" };
        var errorOption = new Option<double>("--meter-error") { Description = "Error in percent that the simulated meter adds to its energy and power (default 0)", DefaultValueFactory = _ => 0 };
        var planOption = new Option<string>("--plan") { Description = "Plan to run (a path, or a file name in testplans/)", DefaultValueFactory = _ => DefaultPlan };
        var serialOption = new Option<string?>("--serial") { Description = "Serial number for the simulated meter" };
        var firmwareOption = new Option<string?>("--firmware") { Description = "Firmware version the simulated meter reports; versions with known defects in its profile reproduce them (regression demos)" };
        var verboseOption = new Option<bool>("--verbose") { Description = "Log SCPI and Modbus traffic" };
        var command = new Command("selftest", "Run a certification plan on the virtual bench (simulated source, reference standard and PM8000 on loopback) and write its certificate")
        {
            outOption, errorOption, planOption, serialOption, firmwareOption, verboseOption,
        };
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            var error = parse.GetValue(errorOption);
            if (!double.IsFinite(error) || Math.Abs(error) >= 100)
            {
                await Console.Error.WriteLineAsync("bench: --meter-error: give a percent between -100 and 100");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(serialOption) is { } serial && !uint.TryParse(serial, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                // The PM8000 keeps its serial number in a UINT32 register (shared/protocols/pm8000-map.md §2).
                await Console.Error.WriteLineAsync($"bench: --serial: the simulated PM8000's serial number is a number up to {uint.MaxValue}, not '{serial}'");
                return ExitCodes.BadInput;
            }

            var session = new RunSession(Console.Out, Console.Error);
            try
            {
                var request = new RunRequest(
                    ShippedFiles.Resolve(parse.GetValue(planOption)!, "testplans", "--plan"),
                    ShippedFiles.Path("fixtures", "bench", "virtual-bench.yaml"),
                    ShippedFiles.Path("fixtures", "dut", "pm8000.yaml"))
                {
                    OutDirectory = parse.GetValue(outOption),
                    MeterErrorPercent = error,
                    Serial = parse.GetValue(serialOption),
                    SimulatedFirmware = parse.GetValue(firmwareOption),
                    Verbose = parse.GetValue(verboseOption),
                };
                return await session.RunAsync(request, ct);
            }
            catch (Core.Errors.BenchInputException e)
            {
                await Console.Error.WriteLineAsync($"bench: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
