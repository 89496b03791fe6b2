using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

using Bench.Core.Results;
using Bench.Dut.Profiles;
using Bench.Dut.Records;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// Issue 7, waveform evidence: the simulated PM8000 writes a COMTRADE record of each event; the events point fetches the
/// records made during the sequence, finds the events in them with Bench.Dsp's Urms(1/2) detection, and checks them
/// against the meter's log and the reference (Class A: residual ±0.2 % Udin, duration ±1 cycle = 20 ms at 50 Hz).
/// </summary>
[NonParallelizable]
public class EventRecordsPlanTests
{
    private const string Sequence = """
        name: events with records
        standard: IEC 61000-4-30
        class: A
        settle-s: 2
        points:
          - id: SEQ
            parameter: events
            records: RECORDS
            gap-s: 1
            events:
              - { residual: 70, duration-ms: 100 }
              - { residual: 40, duration-cycles: 10, phases: L1 }
              - { residual: 120, duration-ms: 500, gap-s: 2 }
              - { residual: 0, duration-s: 5 }
        """;

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("bench-sim-records-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private async Task<PointResult> Run(string mode, Func<VirtualBench, IRecordSource?>? records, SimulatedEventFaults? faults = null)
    {
        var options = new SimulatedMeterOptions
        {
            UseProfileErrorCurve = false,
            InstantaneousErrors = InstantaneousErrors.None,
            EventFaults = faults ?? SimulatedEventFaults.None,
            RecordFolder = _folder,
        };
        return (await VirtualBenchRun.RunAsync(Sequence.Replace("RECORDS", mode, StringComparison.Ordinal), options, records: records)).Single();
    }

    [Test]
    public async Task The_records_of_a_good_meter_agree_with_its_log_and_the_reference()
    {
        var result = await Run("required", b => b.Records);
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Reason);
            Assert.That(result.Reason, Does.Contain($"records: 4 new from folder {_folder}, 4 event(s) found in them by Urms(1/2), all agree"));
            // Record and meter see the same waveform with the same method, the record at 3200 samples/s against the
            // meter's 12800: their half-cycle grids may differ by a sample, so durations agree to one refresh (10 ms),
            // residuals far inside 0.2 % Udin.
            Assert.That(result.Reason, Does.Match(@"meter dip at [\d:.]+ \(2[12]0 ms\): record cmt0__0000\d dip 40(\.\d+)? % Udin 2[12]0 ms; meter − record: duration ([+-]10|0) ms, residual [+-]?0(\.0\d*)? % Udin \(agrees\); record − reference"));
            // The 5 s interruption outlasts the simulated meter's 2 s record.
            Assert.That(result.Reason, Does.Contain("(the event outlasts the record: duration not judged)"));
        });
    }

    [Test]
    public async Task Records_fetched_over_SFTP_from_a_real_sshd_agree()
    {
        // The simulated meter writes into a folder an OpenSSH sshd on loopback serves; the bench fetches over SSH.NET.
        using var sshd = await Bench.Dut.Tests.Interop.SshdServer.StartAsync();
        var remote = Path.Combine(sshd.Folder, "COMTRADE");
        var sftp = SftpRecordSource.Parse($"sftp://{Bench.Dut.Tests.Interop.SshdServer.User}@127.0.0.1:{sshd.Port}{remote}?key={sshd.UserKeyPath}&hostkey={sshd.HostKeySha256}");
        var options = new SimulatedMeterOptions { UseProfileErrorCurve = false, InstantaneousErrors = InstantaneousErrors.None, RecordFolder = remote };
        var result = (await VirtualBenchRun.RunAsync(Sequence.Replace("RECORDS", "required", StringComparison.Ordinal), options, records: _ => sftp)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Reason);
            Assert.That(result.Reason, Does.Contain($"records: 4 new from sftp://{Bench.Dut.Tests.Interop.SshdServer.User}@127.0.0.1:{sshd.Port}{remote}, 4 event(s) found in them by Urms(1/2), all agree"));
        });
    }

    [Test]
    public async Task A_record_missing_for_a_logged_event_fails_the_point()
    {
        // The meter made no record of its first event: the source hides the first record made during the sequence.
        var result = await Run("required", b => new HidingRecordSource(b.Records!));
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail), result.Reason);
            Assert.That(result.Reason, Does.Contain("FAIL, MISSING RECORD: none of the 3 new record(s) shows it"));
            Assert.That(result.Reason, Does.Contain("records: 3 new"));
        });
    }

    [Test]
    public async Task A_meter_whose_log_disagrees_with_its_own_waveforms_fails_on_the_records_too()
    {
        // The log says each event lasted 30 ms (1.5 cycles) longer than the waveform shows.
        var result = await Run("required", b => b.Records, new SimulatedEventFaults { DurationBiasS = 0.03 });
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(result.Reason, Does.Contain("records: 4 new").And.Contain("DISAGREE"));
            Assert.That(result.Reason, Does.Contain("meter − record: duration +30 ms"));
        });
    }

    [Test]
    public async Task An_unsynchronised_meter_clock_moves_its_records_with_its_log()
    {
        // Log and records are stamped by the same clock, 2.5 s fast: with meter-clock: unsynchronised the offset
        // estimated from the log is removed from the records too, and they still agree.
        var options = new SimulatedMeterOptions
        {
            UseProfileErrorCurve = false,
            InstantaneousErrors = InstantaneousErrors.None,
            EventFaults = new SimulatedEventFaults { ClockOffsetS = 2.5 },
            RecordFolder = _folder,
        };
        var plan = Sequence.Replace("RECORDS", "required\n    meter-clock: unsynchronised", StringComparison.Ordinal);
        var result = (await VirtualBenchRun.RunAsync(plan, options, records: b => b.Records)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Reason);
            // Estimated against the programmed starts: 2.5 s plus the Urms(1/2) detection delay (0…20 ms).
            Assert.That(result.Reason, Does.Match(@"meter clock offset \+25[0-2]\d(\.\d)? ms").And.Contain("all agree"));
        });
    }

    [Test]
    public async Task Required_records_without_a_record_source_leave_the_point_incomplete()
    {
        var required = await Run("required", null);
        var optional = await Run("optional", null);
        var off = await Run("off", b => b.Records);
        Assert.Multiple(() =>
        {
            Assert.That(required.Verdict, Is.EqualTo(Verdict.Incomplete));
            Assert.That(required.Reason, Does.Contain("no record source is declared for the meter"));
            Assert.That(optional.Verdict, Is.EqualTo(Verdict.Pass), optional.Reason);
            Assert.That(optional.Reason, Does.Contain("records: not checked (no record source is declared for the meter)"));
            Assert.That(off.Verdict, Is.EqualTo(Verdict.Pass), off.Reason);
            Assert.That(off.Reason, Does.Contain("records: off"));
        });
    }

    [Test]
    public async Task An_unreachable_SFTP_site_leaves_the_point_incomplete()
    {
        // A real private key (ssh-keygen) and a loopback port nobody listens on: the connection is refused.
        var key = Path.Combine(_folder, "id_ed25519");
        using (var keygen = Process.Start(new ProcessStartInfo("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key]) { RedirectStandardOutput = true })!)
        {
            await keygen.WaitForExitAsync();
            Assert.That(keygen.ExitCode, Is.EqualTo(0), "ssh-keygen");
        }

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var sftp = SftpRecordSource.Parse($"sftp://bench@127.0.0.1:{port}/COMTRADE?key={key}");

        foreach (var mode in new[] { "required", "optional" })
        {
            var result = await Run(mode, _ => sftp);
            Assert.Multiple(() =>
            {
                Assert.That(result.Verdict, Is.EqualTo(Verdict.Incomplete), mode);
                Assert.That(result.Reason, Does.Contain($"the meter's waveform records (sftp://bench@127.0.0.1:{port}/COMTRADE) are unreachable"));
            });
        }
    }

    /// <summary>A record source that never shows the first record made after its first listing, as a meter that failed to write it.</summary>
    private sealed class HidingRecordSource(IRecordSource inner) : IRecordSource
    {
        private IReadOnlyList<string>? _first;

        public string Description => inner.Description;

        public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
        {
            var names = await inner.ListAsync(cancellationToken);
            _first ??= names;
            var hidden = names.Except(_first).Order(StringComparer.Ordinal).FirstOrDefault();
            return [.. names.Where(n => n != hidden)];
        }

        public Task<IReadOnlyList<ComtradeRecordFiles>> FetchAsync(IReadOnlyCollection<string> names, string localFolder, CancellationToken cancellationToken) =>
            inner.FetchAsync(names, localFolder, cancellationToken);
    }
}
