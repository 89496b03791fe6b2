using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Dut.Tests.Profiles;
using Bench.Sim.Grid;
using Bench.Sim.Meter;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Dut.Tests.Meter;

/// <summary>Every way a meter can misbehave becomes an InstrumentFaultException naming the resource; bad resources are bad input.</summary>
public sealed class ModbusMeterFaultTests
{
    private static readonly ModbusMeterOptions Quick = new() { Timeout = TimeSpan.FromMilliseconds(200), Retries = 1 };

    [Test]
    public void A_malformed_resource_is_bad_input()
    {
        var e = Assert.ThrowsAsync<BenchInputException>(() => ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, "modbus-tcp://127.0.0.1:1?unit=999", CancellationToken.None));
        Assert.That(e!.Location, Is.EqualTo("modbus-tcp://127.0.0.1:1?unit=999"));
    }

    [Test]
    public void A_serial_number_the_register_cannot_hold_is_bad_input()
    {
        var e = Assert.ThrowsAsync<BenchInputException>(() => StartAsync(new SimulatedMeterOptions { SerialNumber = "MY-1234" }));
        Assert.That(e!.Reason, Does.Contain("register 130 (UInt32)"));
    }

    [Test]
    public void An_unreachable_meter_is_an_instrument_fault()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var resource = $"modbus-tcp://127.0.0.1:{port}?unit=1";
        var e = Assert.ThrowsAsync<InstrumentFaultException>(() => ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, resource, CancellationToken.None));
        Assert.That(e!.Resource, Is.EqualTo(resource));
    }

    [Test]
    public async Task A_silent_meter_times_out_into_an_instrument_fault()
    {
        await using var sim = await StartAsync(new SimulatedMeterOptions { DropReplyProbability = 1 });
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, sim.Resource, Quick, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var e = Assert.ThrowsAsync<InstrumentFaultException>(() => meter.ReadSnapshotAsync(CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(e!.Message, Does.Contain("no reply"));
            Assert.That(e.Resource, Is.EqualTo(sim.Resource));
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(390)), "two attempts of 200 ms");
        });
    }

    [Test]
    public async Task Exception_responses_become_instrument_faults_with_their_code()
    {
        await using var sim = await StartAsync(new SimulatedMeterOptions { BusyExceptionProbability = 1 });
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, sim.Resource, Quick, CancellationToken.None);
        var e = Assert.ThrowsAsync<InstrumentFaultException>(() => meter.ReadIdentityAsync(CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("exception 06 (ServerDeviceBusy)"));
    }

    [Test]
    public async Task A_wrong_unit_id_is_answered_by_the_gateway_and_reported()
    {
        await using var sim = await StartAsync(new SimulatedMeterOptions { UnitId = 1 });
        var resource = sim.Resource.Replace("unit=1", "unit=9", StringComparison.Ordinal);
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, resource, Quick, CancellationToken.None);
        var e = Assert.ThrowsAsync<InstrumentFaultException>(() => meter.ReadSnapshotAsync(CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("GatewayPathUnavailable").And.Contain("unit 9"));
    }

    [Test]
    public async Task Reading_outside_the_meters_map_is_an_instrument_fault()
    {
        await using var sim = await StartAsync(new SimulatedMeterOptions());
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, sim.Resource, Quick, CancellationToken.None);
        var stray = BuiltInProfiles.Pm8000.Registers[MeterQuantity.Frequency] with { Name = "stray", Number = 5001, Address = 5000 };
        var e = Assert.ThrowsAsync<InstrumentFaultException>(() => meter.ReadValuesAsync([stray], CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("IllegalDataAddress"));
    }

    [Test]
    public async Task Latency_is_felt_per_request()
    {
        await using var sim = await StartAsync(new SimulatedMeterOptions { ResponseLatency = TimeSpan.FromMilliseconds(60) });
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, sim.Resource, new ModbusMeterOptions { Timeout = TimeSpan.FromSeconds(2) }, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        await meter.ReadSnapshotAsync(CancellationToken.None);

        // Three reads (ShippedProfileTests.Pm8000_snapshot_takes_three_reads), each delayed 60 ms by the meter. The
        // runtime's timers tick in whole milliseconds and fire up to about a millisecond early against the Stopwatch
        // (measured: 3 delays of 60 ms in 176.97 ms), so the bound sits halfway between two delays (120 ms) and three:
        // it fails as soon as one read goes without its latency.
        Assert.That(watch.Elapsed, Is.GreaterThan(TimeSpan.FromMilliseconds(2.5 * 60)));
    }

    private static Task<SimulatedPm8000> StartAsync(SimulatedMeterOptions options)
    {
        var grid = new SimulatedGrid(new FakeTimeProvider());
        grid.Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));
        grid.SwitchOutput(true);
        return SimulatedPm8000.StartAsync(new GridObserver(grid), options, CancellationToken.None);
    }
}
