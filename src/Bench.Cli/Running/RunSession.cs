using System.Reflection;
using System.Text.Json;

using Bench.Core.Errors;
using Bench.Core.Identity;
using Bench.Core.Results;
using Bench.Core.Time;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Dut.Records;
using Bench.Instruments;
using Bench.Instruments.Profiles;
using Bench.Instruments.Roles;
using Bench.Plans.Execution;
using Bench.Plans.Journal;
using Bench.Plans.Loading;
using Bench.Plans.Model;
using Bench.Reports.Certificate;
using Bench.Reports.Csv;
using Bench.Reports.Json;
using Bench.Reports.JUnit;
using Bench.Sim;
using Bench.Sim.Meter;
using Bench.Standards.Decisions;

using Microsoft.Extensions.Logging;

namespace Bench.Cli.Running;

/// <summary>
/// One certification run from files to certificate: load and check everything, connect (starting the virtual bench
/// where the bench profile says "virtual"), execute, write the outputs, and map the verdict to the exit code.
/// </summary>
public sealed class RunSession(TextWriter output, TextWriter errors)
{
    public async Task<int> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCheckedAsync(request, cancellationToken);
        }
        catch (BenchInputException e)
        {
            await errors.WriteLineAsync($"bench: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (InstrumentFaultException e)
        {
            await errors.WriteLineAsync($"bench: instrument fault: {e.Message}");
            return ExitCodes.IncompleteOrAborted;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync("bench: aborted before the first point");
            return ExitCodes.IncompleteOrAborted;
        }
    }

    private async Task<int> RunCheckedAsync(RunRequest request, CancellationToken ct)
    {
        // Everything a user wrote is checked before anything is energized.
        var plan = PlanLoader.Load(request.PlanPath);
        var benchProfile = BenchProfileLoader.Load(request.BenchPath);
        var dutProfile = DutProfile.Load(request.DutPath);
        var sourceProfile = InstrumentProfile.Load(ShippedFiles.Resolve(benchProfile.Source.ProfilePath, "instruments", $"{benchProfile.Source.Where}: profile"));
        var referenceProfile = InstrumentProfile.Load(ShippedFiles.Resolve(benchProfile.Reference.ProfilePath, "instruments", $"{benchProfile.Reference.Where}: profile"));
        var ratings = new DutRatings(dutProfile.NominalCurrentA, dutProfile.MaximumCurrentA, dutProfile.StartingCurrentA, dutProfile.NominalVoltageV, dutProfile.NominalFrequencyHz, dutProfile.AccuracyClass)
        {
            PulseConstantImpPerKwh = dutProfile.PulseConstantImpPerKwh,
        };
        var points = PointResolver.Resolve(plan, ratings);
        SourceRangeCheck.Check(points, sourceProfile);
        (RunHeader Header, IReadOnlyDictionary<string, PointResult> Points)? previous = request.ResumeDirectory is { } resume ? ReadResume(resume) : null;

        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(request.Verbose ? LogLevel.Debug : LogLevel.Warning));
        VirtualBench? virtualBench = null;
        try
        {
            if (benchProfile.IsVirtual)
            {
                var meterOptions = new SimulatedMeterOptions { ErrorPercent = request.MeterErrorPercent };
                if (request.Serial is { } serial)
                {
                    meterOptions = meterOptions with { SerialNumber = serial };
                }

                if (request.SimulatedFirmware is { } firmware)
                {
                    meterOptions = meterOptions with { Firmware = firmware };
                }

                // The simulators speak the dialects of the bench profile's instruments, so a plan written for, say, a
                // Fluke 6105A runs against the simulator of one.
                virtualBench = await VirtualBench.StartAsync(
                    new VirtualBenchOptions
                    {
                        Meter = meterOptions,
                        NominalFrequencyHz = dutProfile.NominalFrequencyHz,
                        SourceProfile = sourceProfile,
                        ReferenceProfile = referenceProfile,
                    },
                    ct);
            }
            else if (request.MeterErrorPercent != 0)
            {
                throw new BenchInputException("--meter-error", "only the virtual bench's simulated meter can be given an error");
            }

            IBenchClock clock = virtualBench?.Clock ?? RealBenchClock.System;
            var sourceResource = Pick(benchProfile.Source.Resource, virtualBench?.SourceResource);
            var referenceResource = Pick(benchProfile.Reference.Resource, virtualBench?.ReferenceResource);
            var meterResource = Pick(benchProfile.MeterResource, virtualBench?.MeterResource);

            // The meter's waveform records: where the bench profile says, else the virtual meter's own folder.
            var records = benchProfile.MeterRecords is { } declared
                ? RecordSources.Parse(declared, Path.GetDirectoryName(Path.GetFullPath(benchProfile.File)) ?? ".")
                : benchProfile.MeterResource == BenchProfile.Virtual ? virtualBench?.Records : null;

            using var transcript = new TranscriptFile();
            var connection = new InstrumentConnectionOptions { Transcript = transcript.Scpi };
            await using var source = await InstrumentConnector.OpenSourceAsync(sourceProfile, sourceResource, Calibration(benchProfile.Source), logging, connection, ct);
            await using var reference = await InstrumentConnector.OpenReferenceAsync(referenceProfile, referenceResource, Calibration(benchProfile.Reference), logging, connection, ct);
            await using var meter = await ModbusMeter.ConnectAsync(dutProfile, meterResource, new ModbusMeterOptions { Time = clock.Time, Logger = transcript }, ct);
            var identity = await meter.ReadIdentityAsync(ct);
            if (request.Serial is { } scanned && virtualBench is null && !scanned.Equals(identity.SerialNumber, StringComparison.OrdinalIgnoreCase))
            {
                throw new BenchInputException("--serial", $"scanned serial '{scanned}' but the meter at {meterResource} reports '{identity.SerialNumber}': wrong unit on the bench?");
            }

            // Dates on the certificate are wall-clock dates; bench time (virtual on the virtual bench) only paces the gates.
            var header = previous?.Header ?? RunHeader.New(DateTimeOffset.UtcNow, identity.SerialNumber, plan.Name);
            var outDir = request.OutDirectory ?? request.ResumeDirectory ?? ShippedFiles.Path("reports", "output", header.RunId);
            Directory.CreateDirectory(outDir);
            await header.WriteAsync(outDir);
            transcript.Attach(outDir);

            await output.WriteLineAsync($"bench: {plan.Name}");
            await output.WriteLineAsync($"  meter     {identity.Manufacturer} {identity.Model}, serial {identity.SerialNumber}, firmware {identity.Firmware} at {meterResource}");
            await output.WriteLineAsync($"  source    {source.Identity.Manufacturer} {source.Identity.Model} at {sourceResource}");
            await output.WriteLineAsync($"  reference {reference.Identity.Manufacturer} {reference.Identity.Model} at {referenceResource}");

            ExecutionOutcome outcome;
            await using (var journal = RunJournal.OpenForAppend(outDir))
            {
                var figures = BenchUncertaintyFigures.For(referenceProfile, benchProfile.Reference.CalibrationUncertaintyPercent);
                var executor = new PlanExecutor(new BenchConnections(source, reference, meter, clock) { Records = records }, figures, logging.CreateLogger<PlanExecutor>());
                outcome = await executor.RunAsync(plan, points, journal, previous?.Points, new ConsoleProgress(output, transcript.EndOfPoint), ct);
            }

            var record = new RunRecord(
                header.RunId,
                plan.Name,
                plan.Standard,
                plan.AccuracyClass,
                header.Started,
                DateTimeOffset.UtcNow,
                [source.Identity, reference.Identity],
                new DutDescription(identity, Path.GetFileName(request.DutPath), dutProfile.NominalCurrentA, dutProfile.MaximumCurrentA, dutProfile.StartingCurrentA, dutProfile.NominalVoltageV, dutProfile.NominalFrequencyHz, dutProfile.AccuracyClass, meterResource),
                outcome.Points)
            {
                AbortReason = outcome.AbortReason,
                BenchName = benchProfile.Name,
                DecisionRule = DecisionRules.Describe(DecisionRules.Parse(plan.DecisionRule, plan.File)),
                SoftwareVersion = SoftwareVersion,
            };
            return await WriteOutputsAsync(record, outDir);
        }
        finally
        {
            if (virtualBench is not null)
            {
                await virtualBench.DisposeAsync();
            }
        }
    }

    public static string SoftwareVersion { get; } =
        "Bench " + (typeof(RunSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    private async Task<int> WriteOutputsAsync(RunRecord record, string outDir)
    {
        var json = Path.Combine(outDir, "results.json");
        var pdf = Path.Combine(outDir, "certificate.pdf");
        ResultsJsonWriter.Write(record, json);
        CsvResultsWriter.Write(record, Path.Combine(outDir, "results.csv"));
        JUnitWriter.Write(record, Path.Combine(outDir, "junit.xml"));
        CertificateWriter.Write(record, pdf);

        var counts = record.Points.GroupBy(p => p.Verdict).ToDictionary(g => g.Key, g => g.Count());
        await output.WriteLineAsync();
        await output.WriteLineAsync($"verdict: {record.Verdict.ToWireText()}  ({string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key.ToWireText()}"))})");
        if (record.AbortReason is { } reason)
        {
            await output.WriteLineAsync($"stopped: {reason}");
        }

        await output.WriteLineAsync($"certificate: {pdf}");
        await output.WriteLineAsync($"results:     {json}");
        return record.Verdict switch
        {
            Verdict.Pass or Verdict.ConditionalPass => ExitCodes.Passed,
            Verdict.Fail or Verdict.ConditionalFail => ExitCodes.Failed,
            _ => ExitCodes.IncompleteOrAborted,
        };
    }

    private static string Pick(string configured, string? virtualResource) =>
        configured == BenchProfile.Virtual
            ? virtualResource ?? throw new BenchInputException(configured, "no virtual bench running")
            : configured;

    private static InstrumentCalibration? Calibration(BenchInstrument i) =>
        i.CalibrationCertificate is { } cert && i.CalibratedOn is { } on && i.CalibrationDue is { } due
            ? new InstrumentCalibration(cert, on, due)
            : null;

    private static (RunHeader Header, IReadOnlyDictionary<string, PointResult> Points) ReadResume(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new BenchInputException("--resume", $"'{directory}' is not a run folder");
        }

        return (RunHeader.Read(directory), RunJournal.Read(directory));
    }
}
