using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;

using Bench.Cli.Running;
using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Dut.Records;
using Bench.Instruments.Profiles;
using Bench.Plans.Loading;
using Bench.Sim;
using Bench.Sim.Meter;

using ShippedFiles = Bench.Cli.Running.ShippedFiles;

namespace Bench.Cli.Commands;

/// <summary>
/// `bench sim`: the virtual bench on loopback, on the wall clock, for outside clients (pyvisa, mbpoll, a lab's own
/// software, a second `bench run`). Prints one `ROLE ADDRESS` line per endpoint, then serves until SIGINT or SIGTERM.
/// </summary>
public static class SimCommand
{
    public static Command Create()
    {
        var benchOption = new Option<string>("--bench") { Description = "Bench profile whose instrument profiles the simulators speak (default: the virtual bench)", DefaultValueFactory = _ => "virtual-bench.yaml" };
        var energizeOption = new Option<bool>("--energize") { Description = "Switch the simulated source on at the bench profile's nominal point (PF 1)" };
        var errorOption = new Option<double>("--meter-error") { Description = "Error in percent the simulated meter adds", DefaultValueFactory = _ => 0 };
        var command = new Command("sim", "Start the simulated source, reference standard and PM8000 on loopback and print their addresses")
        {
            benchOption, energizeOption, errorOption,
        };
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            try
            {
                var benchPath = ShippedFiles.Resolve(parse.GetValue(benchOption)!, Path.Combine("fixtures", "bench"), "--bench");
                var bench = BenchProfileLoader.Load(benchPath);
                var options = new VirtualBenchOptions
                {
                    RealTime = true,
                    NominalFrequencyHz = bench.NominalFrequencyHz,
                    SourceProfile = InstrumentProfile.Load(ShippedFiles.Resolve(bench.Source.ProfilePath, "instruments", $"{bench.Source.Where}: profile")),
                    ReferenceProfile = InstrumentProfile.Load(ShippedFiles.Resolve(bench.Reference.ProfilePath, "instruments", $"{bench.Reference.Where}: profile")),
                    Meter = new SimulatedMeterOptions { ErrorPercent = parse.GetValue(errorOption) },
                };
                await using var virtualBench = await VirtualBench.StartAsync(options, ct);
                if (parse.GetValue(energizeOption))
                {
                    virtualBench.Grid.Program(ThreePhaseSetpoint.Balanced(bench.NominalVoltageV, bench.NominalCurrentA, PowerFactor.Unity, bench.NominalFrequencyHz));
                    virtualBench.Grid.SwitchOutput(true);
                }

                foreach (var resource in virtualBench.Source.Resources)
                {
                    Console.WriteLine($"source {resource}");
                }

                foreach (var resource in virtualBench.Reference.Resources)
                {
                    Console.WriteLine($"reference {resource}");
                }

                Console.WriteLine($"meter {virtualBench.MeterResource}");
                if (virtualBench.Records is FolderRecordSource records)
                {
                    // Not a VISA or Modbus endpoint: the folder the simulated meter writes its COMTRADE records into,
                    // for a bench profile's `meter: { resource: …, records: FOLDER }` (served until bench sim stops).
                    Console.WriteLine($"records {records.Folder}");
                }

                Console.Out.Flush();

                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
                {
                    c.Cancel = true;
                    stop.Cancel();
                });
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // SIGINT or SIGTERM: stop serving.
                }

                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench sim: stopped"));
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
