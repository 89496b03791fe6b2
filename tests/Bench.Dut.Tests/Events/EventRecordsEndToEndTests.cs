using Bench.Core.Quantities;
using Bench.Dut.Events;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Dut.Records;
using Bench.Dut.Tests.Interop;
using Bench.Sim.Grid;
using Bench.Sim.Meter;
using Bench.Waveforms.Comtrade;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Dut.Tests.Events;

/// <summary>
/// The whole PQ path: the simulated PM8000 logs a dip and writes its COMTRADE record into a folder a real sshd serves;
/// the bench reads the event log over Modbus, fetches the record over SFTP (SSH.NET), parses it (Bench.Waveforms),
/// finds the dip in the waveform with the reference detector (Bench.Dsp, Urms(1/2)) and compares the two.
/// </summary>
public sealed class EventRecordsEndToEndTests
{
    [Test]
    public async Task Meter_event_log_agrees_with_the_dip_found_in_its_waveform_record()
    {
        using var sshd = await SshdServer.StartAsync();
        var remote = Path.Combine(sshd.Folder, "COMTRADE");
        var t0 = new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(t0);
        var grid = new SimulatedGrid(time);
        grid.Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));
        grid.SwitchOutput(true);
        await using var sim = await SimulatedPm8000.StartAsync(new GridObserver(grid), new SimulatedMeterOptions { RecordFolder = remote }, CancellationToken.None);
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, sim.Resource, CancellationToken.None);

        // A 300 ms polyphase dip to 40 % (92 V) at t0 + 5 s.
        time.Advance(TimeSpan.FromSeconds(5));
        grid.Program(ThreePhaseSetpoint.Balanced(92, 5, PowerFactor.Unity, 50));
        time.Advance(TimeSpan.FromMilliseconds(300));
        grid.Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));

        var logged = await meter.ReadEventsAsync(CancellationToken.None);
        var source = SftpRecordSource.Parse($"sftp://{SshdServer.User}@127.0.0.1:{sshd.Port}{remote}?key={sshd.UserKeyPath}&hostkey={sshd.HostKeySha256}");
        var records = await ComtradeRecordFetcher.FetchAsync(source, Path.Combine(sshd.Folder, "fetched"), t0.AddDays(-1), CancellationToken.None);
        var waveform = ComtradeReader.ReadWaveform(records.Single().ConfigPath);
        var reference = ReferenceEvents.FromReference(ReferenceEvents.Detect(waveform, 230), waveform.StartTime!.Value, 3);

        var matches = PqEventComparison.Compare(logged, reference, PqEventTolerance.ClassA(50));

        Assert.Multiple(() =>
        {
            Assert.That(records.Single().Name, Is.EqualTo("cmt0__00000"));
            Assert.That(waveform.Voltages.Count(), Is.EqualTo(3));
            Assert.That(reference, Has.Count.EqualTo(1), "one polyphase dip in the record");
            Assert.That(reference[0].ExtremePercentOfDeclared, Is.EqualTo(40).Within(0.5), "Urms(1/2) of 92 V in a 230 V system");
            Assert.That(matches.Single().Passed, Is.True, matches.Single().Reason);
        });
    }
}
