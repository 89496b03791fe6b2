using Bench.Core.Errors;
using Bench.Sim.Instruments;
using Bench.Visa.Resources;
using Bench.Visa.Scpi;
using Bench.Visa.Sessions;
using Bench.Visa.Transports;

namespace Bench.Visa.Tests.Vxi11;

// Procedures, flags and error codes from shared/protocols/vxi11-hislip.md §2; the peer is Bench's own simulator here,
// pyvisa-py in Interop/PyVisaVxi11Tests.
public class Vxi11TransportTests
{
    private LoopbackBench _bench = null!;

    [SetUp]
    public async Task StartBench() => _bench = await LoopbackBench.StartAsync();

    [TearDown]
    public async Task StopBench() => await _bench.DisposeAsync();

    [Test]
    public void ResourceWithoutPortmapperCarriesThePort()
    {
        Assert.That(_bench.Source.Vxi11Resource, Does.Match(@"^TCPIP::127\.0\.0\.1,\d+::inst0::INSTR$"));
    }

    [Test]
    public async Task QueryAndConfigureOverVxi11()
    {
        await using var scpi = await Open(_bench.Source.Vxi11Resource!);
        Assert.That(await scpi.IdentifyAsync(CancellationToken.None), Is.EqualTo("Bench,SIM-SOURCE-3P,SIM0001,1.0"));
        await scpi.ConfigureAsync("SOUR:PHAS3:CURR 2.5,120", CancellationToken.None);
        Assert.That(await scpi.QueryDoublesAsync("SOUR:PHAS3:CURR?", CancellationToken.None), Is.EqualTo(new[] { 2.5, 120 }));
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.ConfigureAsync("SOUR:PHAS3:CURR 500,0", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("-222"));
    }

    [Test]
    public async Task ReadEndsOnEndWithoutATermChar()
    {
        await using var session = await VisaOpener.OpenAsync(_bench.Source.Vxi11Resource!, new VisaSessionOptions { ReadTermination = null }, CancellationToken.None);
        await session.WriteAsync("*IDN?", CancellationToken.None);
        Assert.That(await session.ReadStringAsync(CancellationToken.None), Is.EqualTo("Bench,SIM-SOURCE-3P,SIM0001,1.0"));
    }

    [Test]
    public async Task SmallReadsReturnRequestCountUntilEnd()
    {
        var name = VisaResourceParser.Parse(_bench.Source.Vxi11Resource!);
        await using var t = await Vxi11Transport.ConnectAsync(name.Original, name.Host!, name.Port, "inst0", TestTimeouts.Io, CancellationToken.None);
        await t.WriteAsync("*IDN?\n"u8.ToArray(), true, CancellationToken.None);
        var buffer = new byte[8];
        var first = await t.ReadAsync(buffer, CancellationToken.None);
        Assert.That(first, Is.EqualTo(new TransportRead(8, false)), "8 of 32 bytes: reason REQCNT");
        var total = 8;
        TransportRead r;
        do
        {
            r = await t.ReadAsync(buffer, CancellationToken.None);
            total += r.Count;
        }
        while (!r.End);

        Assert.That(total, Is.EqualTo("Bench,SIM-SOURCE-3P,SIM0001,1.0\n".Length));
    }

    [Test]
    public async Task DeviceClearDiscardsAPendingReply()
    {
        await using var session = await VisaOpener.OpenAsync(_bench.Source.Vxi11Resource!, TestTimeouts.Session, CancellationToken.None);
        await session.WriteAsync("*IDN?", CancellationToken.None);
        await session.ClearAsync(CancellationToken.None);
        await session.WriteAsync("SOUR:FREQ?", CancellationToken.None);
        Assert.That(await session.ReadStringAsync(CancellationToken.None), Is.EqualTo("50"));
    }

    [Test]
    public async Task MutedDeviceTimesOutWithTheDevicesIoTimeout()
    {
        await using var scpi = await Open(_bench.Source.Vxi11Resource!, TimeSpan.FromMilliseconds(300));
        _bench.Source.Faults.Mute = true;
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.QueryAsync("*IDN?", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("timeout").And.Contain("'*IDN?'"));
        _bench.Source.Faults.Mute = false;
        Assert.That(await scpi.QueryAsync("SOUR:FREQ?", CancellationToken.None), Is.EqualTo("50"), "the link is still in step after the timeout");
    }

    [Test]
    public async Task ALockedDeviceRefusesOtherLinksUntilUnlocked()
    {
        var name = VisaResourceParser.Parse(_bench.Source.Vxi11Resource!);
        await using var a = await Vxi11Transport.ConnectAsync(name.Original, name.Host!, name.Port, "inst0", TestTimeouts.Io, CancellationToken.None);
        await using var b = await Vxi11Transport.ConnectAsync(name.Original, name.Host!, name.Port, "inst0", TestTimeouts.Io, CancellationToken.None);
        await a.LockAsync(TimeSpan.Zero, CancellationToken.None);
        b.LockTimeout = TimeSpan.FromMilliseconds(50);
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(async () => await b.WriteAsync("*IDN?\n"u8.ToArray(), true, CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("locked by another link"));
        await a.UnlockAsync(CancellationToken.None);
        Assert.DoesNotThrowAsync(async () => await b.WriteAsync("*IDN?\n"u8.ToArray(), true, CancellationToken.None));
        var unlockAgain = Assert.ThrowsAsync<InstrumentFaultException>(() => a.UnlockAsync(CancellationToken.None));
        Assert.That(unlockAgain!.Message, Does.Contain("no lock held"));
    }

    [Test]
    public async Task AbortChannelEndsAWaitingRead()
    {
        var name = VisaResourceParser.Parse(_bench.Source.Vxi11Resource!);
        await using var t = await Vxi11Transport.ConnectAsync(name.Original, name.Host!, name.Port, "inst0", TimeSpan.FromSeconds(10), CancellationToken.None);
        var read = t.ReadAsync(new byte[64], CancellationToken.None).AsTask(); // nothing was asked: waits for io_timeout
        await Task.Delay(100);
        var started = DateTime.UtcNow;
        await t.AbortAsync(CancellationToken.None);
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => read);
        Assert.That(ex!.Message, Does.Contain("aborted"));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task StatusByteShowsMessageAvailable()
    {
        var name = VisaResourceParser.Parse(_bench.Source.Vxi11Resource!);
        await using var t = await Vxi11Transport.ConnectAsync(name.Original, name.Host!, name.Port, "inst0", TestTimeouts.Io, CancellationToken.None);
        Assert.That(await t.ReadStatusByteAsync(CancellationToken.None) & 0x10, Is.Zero);
        await t.WriteAsync("*IDN?\n"u8.ToArray(), true, CancellationToken.None);
        Assert.That(await t.ReadStatusByteAsync(CancellationToken.None) & 0x10, Is.EqualTo(0x10), "MAV, IEEE 488.2 status bit 4");
    }

    [Test]
    public void UnknownDeviceNameIsRefusedAtCreateLink()
    {
        var name = VisaResourceParser.Parse(_bench.Source.Vxi11Resource!);
        var resource = $"TCPIP::{name.Host},{name.Port}::inst7::INSTR";
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => VisaOpener.OpenAsync(resource, TestTimeouts.Session, CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("device not accessible").And.Contain(resource));
    }

    [Test]
    public async Task ClosingTheLinkSwitchesTheSourceOff()
    {
        await using (var scpi = await Open(_bench.Source.Vxi11Resource!))
        {
            await scpi.ConfigureAsync("SOUR:PHAS1:VOLT 230,0", CancellationToken.None);
            await scpi.ConfigureAsync("OUTP ON", CancellationToken.None);
            Assert.That(_bench.Grid.State.OutputOn, Is.True);
        }

        Assert.That(_bench.Grid.State.OutputOn, Is.False, "destroy_link dropped the controlling connection");
    }

    [Test]
    public async Task PortmapperResolvesTheCorePortOnItsOwnHost()
    {
        var host = Loopback.Unique();
        await using var bench = await LoopbackBench.StartAsync(new SimulatedInstrumentOptions { Host = host }, new SimulatedInstrumentOptions { Host = host, TryPortmapper = false, ServeVxi11 = false });
        Assert.That(bench.Source.Vxi11Resource, Is.EqualTo($"TCPIP::{host}::inst0::INSTR"));
        await using var scpi = await Open(bench.Source.Vxi11Resource!);
        Assert.That(await scpi.IdentifyAsync(CancellationToken.None), Does.StartWith("Bench,SIM-SOURCE-3P"));
    }

    private static Task<ScpiSession> Open(string resource, TimeSpan? timeout = null) =>
        ScpiSession.OpenAsync(resource, new VisaSessionOptions { Timeout = timeout ?? TestTimeouts.Io }, null, null, CancellationToken.None);
}
