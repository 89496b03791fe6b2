using System.CommandLine;
using System.Globalization;

using Bench.Core.Errors;
using Bench.Dsp.Streaming;

namespace Bench.Cli.Analyze;

/// <summary>
/// `bench analyze WAVEFORM [--nominal-voltage V] [--nominal-frequency HZ] [--wiring 3P4W] --json OUT [--csv OUT] [--plot DIR]`:
/// runs the IEC 61000-4-30 reference meter over a COMTRADE or CSV record. Exit 0 when analysed, 3 on bad input.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var waveform = new Argument<string>("WAVEFORM") { Description = "COMTRADE .cfg (with its .dat) or .cff, or a CSV waveform" };
        var nominalVoltage = new Option<double?>("--nominal-voltage") { Description = "Declared input voltage Udin in V (default: the standard nominal nearest the record's RMS)" };
        var nominalFrequency = new Option<double?>("--nominal-frequency") { Description = "50 or 60 Hz (default: from the file, else 50)" };
        var wiring = new Option<string?>("--wiring") { Description = "1P2W, 3P3W or 3P4W (default: 3P4W with three voltage phases, else 1P2W)" };
        var json = new Option<string>("--json") { Description = "Where to write the bench.analysis/1 JSON", Required = true };
        var csv = new Option<string?>("--csv") { Description = "Where to write the 10/12-cycle values as CSV" };
        var plot = new Option<string?>("--plot") { Description = "Directory for waveform, RMS trend and spectrum PNGs" };
        var cmd = new Command("analyze", "Measure a waveform record with the IEC 61000-4-30 Class A reference meter")
        {
            waveform, nominalVoltage, nominalFrequency, wiring, json, csv, plot,
        };
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            try
            {
                var options = new AnalyzeRunner.Options(
                    pr.GetValue(waveform)!,
                    pr.GetValue(json)!,
                    pr.GetValue(csv),
                    pr.GetValue(plot),
                    pr.GetValue(nominalVoltage),
                    pr.GetValue(nominalFrequency),
                    ParseWiring(pr.GetValue(wiring)));
                return await AnalyzeRunner.RunAsync(options, pr.InvocationConfiguration.Output, ct);
            }
            catch (BenchInputException e)
            {
                await pr.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return 3;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await pr.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return 3;
            }
        });
        return cmd;
    }

    private static Wiring? ParseWiring(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "1P2W" => Wiring.OnePhaseTwoWire,
        "3P3W" => Wiring.ThreePhaseThreeWire,
        "3P4W" => Wiring.ThreePhaseFourWire,
        _ => throw new BenchInputException("--wiring", string.Create(CultureInfo.InvariantCulture, $"'{text}' is not 1P2W, 3P3W or 3P4W")),
    };
}
