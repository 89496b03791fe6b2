using Bench.Core.Time;
using Bench.Dut.Profiles;
using Bench.Dut.Records;
using Bench.Sim.Grid;
using Bench.Sim.Instruments;
using Bench.Sim.Instruments.Servers;
using Bench.Sim.Meter;
using Bench.Sim.Time;

namespace Bench.Sim;

/// <summary>
/// The whole virtual bench on loopback: one simulated grid, a source that programs it, a reference standard and a
/// PM8000 that observe it, each a server speaking its real protocol. The drivers a lab uses connect to
/// <see cref="SourceResource"/>, <see cref="ReferenceResource"/> and <see cref="MeterResource"/>.
/// </summary>
public sealed class VirtualBench : IAsyncDisposable
{
    private readonly Vxi11Server _vxi11;
    private readonly HiSlipServer _hiSlip;

    private readonly string? _ownRecordFolder;

    private VirtualBench(TimeProvider time, SimulatedGrid grid, SimulatedSource source, SimulatedReference reference, SimulatedPm8000 meter, Vxi11Server vxi11, HiSlipServer hiSlip, string? recordFolder, string? ownRecordFolder)
    {
        Records = recordFolder is null ? null : new FolderRecordSource(recordFolder);
        _ownRecordFolder = ownRecordFolder;
        _vxi11 = vxi11;
        _hiSlip = hiSlip;
        TimeProvider = time;
        Clock = time is VirtualTimeProvider v ? new VirtualBenchClock(v) : new RealBenchClock(time);
        Grid = grid;
        Source = source;
        Reference = reference;
        Meter = meter;
    }

    /// <summary>Virtual time (advanced by <see cref="Clock"/>), or the wall clock for `bench sim`.</summary>
    public const string Host = "127.0.0.1";

    public TimeProvider TimeProvider { get; }

    /// <summary>The clock the executor waits on: waiting advances the simulators' shared virtual time.</summary>
    public IBenchClock Clock { get; }

    public SimulatedGrid Grid { get; }

    public SimulatedSource Source { get; }

    public SimulatedReference Reference { get; }

    public SimulatedPm8000 Meter { get; }

    /// <summary>
    /// The simulated meter's COMTRADE records when it writes them (<see cref="SimulatedMeterOptions.RecordFolder"/>):
    /// give them to the run (BenchConnections.Records) so events and harmonic points check them; `bench sim` prints the
    /// folder. Serve the folder over SFTP with any sshd to exercise the SFTP path instead.
    /// </summary>
    public IRecordSource? Records { get; }

    public string SourceResource => Source.Resource;

    public string ReferenceResource => Reference.Resource;

    public string MeterResource => Meter.Resource;

    public static async Task<VirtualBench> StartAsync(VirtualBenchOptions options, CancellationToken cancellationToken)
    {
        TimeProvider time = options.RealTime ? System.TimeProvider.System : new VirtualTimeProvider(options.Start ?? DateTimeOffset.UtcNow);
        var grid = new SimulatedGrid(time, options.NominalFrequencyHz);

        // Each instrument samples the grid on its own, non-coherent time base, as separate instruments would.
        var referenceView = new GridObserver(grid, samplesPerCycle: 512.37, windows: 1, startPhaseS: 0.00071);
        var meterView = new GridObserver(grid, samplesPerCycle: 256.3, windows: 1, startPhaseS: 0.00123);
        // One VXI-11 host (behind the portmapper on 111 when it can be bound) and one HiSLIP server for both
        // instruments, as one LAN/GPIB gateway would serve them: the source is inst0/hislip0, the reference inst1/hislip1.
        var vxi11 = Vxi11Server.Start(Host);
        var hiSlip = HiSlipServer.Start(Host);
        SimulatedSource? source = null;
        SimulatedReference? reference = null;
        string? ownRecords = null;
        try
        {
            source = await SimulatedSource.StartAsync(grid, new SimulatedInstrumentOptions
            {
                Profile = options.SourceProfile,
                SharedVxi11 = vxi11,
                Vxi11DeviceName = "inst0",
                SharedHiSlip = hiSlip,
                HiSlipSubAddress = "hislip0",
            }, cancellationToken);
            // The meter's pulse output is wired to the reference's pulse input, as on a real bench (LED or open
            // collector into the standard's counter): pulses = energy the meter registered × its meter constant.
            SimulatedPm8000? pulsingMeter = null;
            var constant = (options.Meter.Profile ?? BuiltInProfiles.Pm8000).PulseConstantImpPerKwh;
            reference = await SimulatedReference.StartAsync(referenceView, new SimulatedInstrumentOptions
            {
                Profile = options.ReferenceProfile,
                PulseInput = constant is { } k ? () => pulsingMeter is null ? 0 : (long)Math.Floor(pulsingMeter.IntegratedActiveWh * k / 1000) : null,
                SharedVxi11 = vxi11,
                Vxi11DeviceName = "inst1",
                SharedHiSlip = hiSlip,
                HiSlipSubAddress = "hislip1",
            }, cancellationToken);
            var meterOptions = options.Meter;
            if (meterOptions.RecordFolder is null && options.ServeRecords)
            {
                ownRecords = Directory.CreateTempSubdirectory("bench-vb-records-").FullName;
                meterOptions = meterOptions with { RecordFolder = ownRecords };
            }

            var meter = await SimulatedPm8000.StartAsync(meterView, meterOptions, cancellationToken);
            pulsingMeter = meter;
            return new VirtualBench(time, grid, source, reference, meter, vxi11, hiSlip, meterOptions.RecordFolder, ownRecords);
        }
        catch
        {
            if (reference is not null)
            {
                await reference.DisposeAsync();
            }

            if (source is not null)
            {
                await source.DisposeAsync();
            }

            await hiSlip.DisposeAsync();
            await vxi11.DisposeAsync();
            if (ownRecords is not null)
            {
                Directory.Delete(ownRecords, recursive: true);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Meter.DisposeAsync();
        await Reference.DisposeAsync();
        await Source.DisposeAsync();
        await _hiSlip.DisposeAsync();
        await _vxi11.DisposeAsync();
        if (_ownRecordFolder is not null)
        {
            try
            {
                Directory.Delete(_ownRecordFolder, recursive: true);
            }
            catch (IOException)
            {
                // A reader still holds a file: the temp folder is left for the system to clean.
            }
        }
    }
}
