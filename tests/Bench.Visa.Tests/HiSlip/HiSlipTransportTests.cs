using Bench.Core.Errors;
using Bench.Sim.Instruments;
using Bench.Visa.Resources;
using Bench.Visa.Scpi;
using Bench.Visa.Sessions;
using Bench.Visa.Transports;

namespace Bench.Visa.Tests.HiSlip;

public class HiSlipTransportTests
{
    private LoopbackBench _bench = null!;

    [SetUp]
    public async Task StartBench() => _bench = await LoopbackBench.StartAsync();

    [TearDown]
    public async Task StopBench() => await _bench.DisposeAsync();

    [Test]
    public void ResourceNamesTheSubAddressAndPort()
    {
        Assert.That(_bench.Source.HiSlipResource, Does.Match(@"^TCPIP::127\.0\.0\.1::hislip0,\d+::INSTR$"));
    }

    [Test]
    public async Task QueryAndConfigureOverHiSlip()
    {
        await using var scpi = await ScpiSession.OpenAsync(_bench.Source.HiSlipResource!, TestTimeouts.Session, null, null, CancellationToken.None);
        Assert.That(await scpi.IdentifyAsync(CancellationToken.None), Is.EqualTo("Bench,SIM-SOURCE-3P,SIM0001,1.0"));
        await scpi.ConfigureAsync("SOUR:FREQ 60", CancellationToken.None);
        Assert.That(await scpi.QueryDoubleAsync("SOUR:FREQ?", CancellationToken.None), Is.EqualTo(60));
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.ConfigureAsync("SOUR:FREQ 1000", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("-222"));
    }

    [Test]
    public async Task ReadEndsOnDataEndWithoutTermChar()
    {
        await using var session = await VisaOpener.OpenAsync(_bench.Source.HiSlipResource!, new VisaSessionOptions { ReadTermination = null }, CancellationToken.None);
        await session.WriteAsync("*IDN?", CancellationToken.None);
        Assert.That(await session.ReadStringAsync(CancellationToken.None), Is.EqualTo("Bench,SIM-SOURCE-3P,SIM0001,1.0"));
    }

    [Test]
    public async Task MessagesLargerThanTheServerMaximumAreSplit()
    {
        await using var session = await VisaOpener.OpenAsync(_bench.Source.HiSlipResource!, TestTimeouts.Session, CancellationToken.None);
        var t = (HiSlipTransport)session.Transport;
        Assert.That(t.ServerMaxMessageSize, Is.EqualTo(256 * 1024));

        // 600 kB arrive as one message (one undefined header, not three), so the split reassembled correctly.
        await session.WriteAsync("X" + new string('Y', 600_000), CancellationToken.None);
        await session.WriteAsync("SYST:ERR?", CancellationToken.None);
        Assert.That(await session.ReadStringAsync(CancellationToken.None), Is.EqualTo("-113,\"Undefined header\""));
        await session.WriteAsync("SYST:ERR?", CancellationToken.None);
        Assert.That(await session.ReadStringAsync(CancellationToken.None), Is.EqualTo("0,\"No error\""));
    }

    [Test]
    public async Task DeviceClearDiscardsAnUnreadReplyAndResetsMessageIds()
    {
        await using var session = await VisaOpener.OpenAsync(_bench.Source.HiSlipResource!, TestTimeouts.Session, CancellationToken.None);
        await session.WriteAsync("*IDN?", CancellationToken.None);
        await Task.Delay(50);
        await session.ClearAsync(CancellationToken.None);
        await session.WriteAsync("SOUR:FREQ?", CancellationToken.None);
        Assert.That(await session.ReadStringAsync(CancellationToken.None), Is.EqualTo("50"));
    }

    [Test]
    public async Task StaleReplyAfterATimeoutIsDiscardedByMessageId()
    {
        await using var scpi = await ScpiSession.OpenAsync(_bench.Source.HiSlipResource!, new VisaSessionOptions { Timeout = TimeSpan.FromMilliseconds(150) }, null, null, CancellationToken.None);
        _bench.Source.Faults.ReplyDelay = TimeSpan.FromMilliseconds(300);
        Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.QueryAsync("*IDN?", CancellationToken.None));
        _bench.Source.Faults.ReplyDelay = TimeSpan.Zero;
        Assert.That(await scpi.QueryAsync("SOUR:FREQ?", CancellationToken.None, TestTimeouts.Io), Is.EqualTo("50"));
    }

    [Test]
    public async Task StatusQueryReportsMessageAvailable()
    {
        await using var session = await VisaOpener.OpenAsync(_bench.Source.HiSlipResource!, TestTimeouts.Session, CancellationToken.None);
        var t = (HiSlipTransport)session.Transport;
        await session.WriteAsync("*IDN?", CancellationToken.None);
        await Task.Delay(50);
        Assert.That(await t.ReadStatusByteAsync(CancellationToken.None) & 0x10, Is.EqualTo(0x10));
        _ = await session.ReadStringAsync(CancellationToken.None);
        Assert.That(await t.ReadStatusByteAsync(CancellationToken.None) & 0x10, Is.Zero);
    }

    [Test]
    public async Task ExclusiveLockIsRefusedToASecondSessionUntilReleased()
    {
        var name = VisaResourceParser.Parse(_bench.Source.HiSlipResource!);
        await using var a = await HiSlipTransport.ConnectAsync("a", name.Host!, name.Port!.Value, "hislip0", TestTimeouts.Io, CancellationToken.None);
        await using var b = await HiSlipTransport.ConnectAsync("b", name.Host!, name.Port!.Value, "hislip0", TestTimeouts.Io, CancellationToken.None);
        Assert.That(a.SessionId, Is.Not.EqualTo(b.SessionId));
        Assert.That(await a.LockAsync(TimeSpan.Zero, CancellationToken.None), Is.True);
        Assert.That(await b.LockAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None), Is.False);
        Assert.That(await a.UnlockAsync(CancellationToken.None), Is.True);
        Assert.That(await b.LockAsync(TimeSpan.Zero, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task UnknownSubAddressIsAFatalError()
    {
        var name = VisaResourceParser.Parse(_bench.Source.HiSlipResource!);
        var resource = $"TCPIP::{name.Host}::hislip9,{name.Port}::INSTR";
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => VisaOpener.OpenAsync(resource, TestTimeouts.Session, CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("hislip9").And.Contain(resource));
    }

    [Test]
    public async Task OverlappedModeIsAnnouncedInInitializeResponse()
    {
        await using var bench = await LoopbackBench.StartAsync(new SimulatedInstrumentOptions { TryPortmapper = false, HiSlipOverlapped = true });
        await using var session = await VisaOpener.OpenAsync(bench.Source.HiSlipResource!, TestTimeouts.Session, CancellationToken.None);
        Assert.That(((HiSlipTransport)session.Transport).Overlapped, Is.True);
        await session.WriteAsync("*IDN?", CancellationToken.None);
        Assert.That(await session.ReadStringAsync(CancellationToken.None), Does.StartWith("Bench,"));
    }

    [Test]
    public async Task DroppedHiSlipSessionSwitchesTheSourceOff()
    {
        await using var scpi = await ScpiSession.OpenAsync(_bench.Source.HiSlipResource!, TestTimeouts.Session, null, null, CancellationToken.None);
        await scpi.ConfigureAsync("SOUR:PHAS1:VOLT 230,0", CancellationToken.None);
        await scpi.ConfigureAsync("OUTP ON", CancellationToken.None);
        Assert.That(_bench.Grid.State.OutputOn, Is.True);
        _bench.Source.Faults.DropAfterCommands = 0;
        Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.QueryAsync("*IDN?", CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(3);
        while (_bench.Grid.State.OutputOn && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.That(_bench.Grid.State.OutputOn, Is.False);
    }
}
