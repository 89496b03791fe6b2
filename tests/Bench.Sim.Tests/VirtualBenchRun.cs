using Bench.Core.Results;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Dut.Records;
using Bench.Instruments;
using Bench.Instruments.Profiles;
using Bench.Plans.Execution;
using Bench.Plans.Loading;
using Bench.Plans.Model;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// A plan run in-process on the virtual bench through the real drivers: SCPI over loopback to the simulated source and
/// reference, Modbus TCP to the simulated PM8000. The meter's profile error curve is off, so its error is exactly
/// what the test sets (and its instantaneous readings are exact unless the test gives their errors).
/// </summary>
internal static class VirtualBenchRun
{
    public static Task<IReadOnlyList<PointResult>> RunAsync(string planYaml, double meterErrorPercent, InstrumentProfile? referenceProfile = null) =>
        RunAsync(planYaml, new SimulatedMeterOptions { ErrorPercent = meterErrorPercent, UseProfileErrorCurve = false, InstantaneousErrors = InstantaneousErrors.None }, referenceProfile);

    /// <summary>A run against a meter built from <paramref name="meterOptions"/> (profile: the shipped PM8000 unless it names one).</summary>
    /// <param name="benchDut">The DUT profile the bench reads the meter with; null = the meter's own profile.</param>
    /// <param name="sourceProfile">The source's dialect, spoken by both the simulator and the driver; null = bench-sim-source.yaml.</param>
    /// <param name="records">The record source to attach to the opened meter, given the running bench (e.g. its <see cref="VirtualBench.Records"/>); null = none.</param>
    public static async Task<IReadOnlyList<PointResult>> RunAsync(string planYaml, SimulatedMeterOptions meterOptions, InstrumentProfile? referenceProfile = null, DutProfile? benchDut = null, InstrumentProfile? sourceProfile = null, Func<VirtualBench, IRecordSource?>? records = null)
    {
        var dir = Directory.CreateTempSubdirectory("bench-vb-").FullName;
        try
        {
            var planPath = Path.Combine(dir, "plan.yaml");
            await File.WriteAllTextAsync(planPath, planYaml);
            var plan = PlanLoader.Load(planPath);
            var meterMap = meterOptions.Profile ?? DutProfile.Load(ShippedFiles.Find("fixtures/dut", "pm8000.yaml"));
            var dut = benchDut ?? meterMap;
            var ratings = new DutRatings(dut.NominalCurrentA, dut.MaximumCurrentA, dut.StartingCurrentA, dut.NominalVoltageV, dut.NominalFrequencyHz, dut.AccuracyClass)
            {
                PulseConstantImpPerKwh = dut.PulseConstantImpPerKwh,
            };
            var reference = referenceProfile ?? InstrumentProfile.LoadShipped("bench-sim-reference.yaml");
            var options = new VirtualBenchOptions
            {
                Meter = meterOptions with { Profile = meterMap },
                ReferenceProfile = reference,
                SourceProfile = sourceProfile,
                ServeRecords = false, // a test attaches the records it means the bench to see (records)
            };
            await using var bench = await VirtualBench.StartAsync(options, CancellationToken.None);
            var calibration = new InstrumentCalibration("SIM-REF-0001", new DateOnly(2026, 1, 5), new DateOnly(2036, 1, 5));
            await using var source = await InstrumentConnector.OpenSourceAsync(sourceProfile ?? InstrumentProfile.LoadShipped("bench-sim-source.yaml"), bench.SourceResource, calibration, null, CancellationToken.None);
            await using var referenceStandard = await InstrumentConnector.OpenReferenceAsync(reference, bench.ReferenceResource, calibration, null, CancellationToken.None);
            await using var meter = await ModbusMeter.ConnectAsync(dut, bench.MeterResource, CancellationToken.None);
            var figures = BenchUncertaintyFigures.For(reference, calibrationPercent: 0.005);
            var executor = new PlanExecutor(new BenchConnections(source, referenceStandard, meter, bench.Clock) { Records = records?.Invoke(bench) }, figures);
            var outcome = await executor.RunAsync(plan, PointResolver.Resolve(plan, ratings), null, null, null, CancellationToken.None);
            return outcome.Points;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
