using System.Globalization;

using Bench.Core.Errors;
using Bench.Visa.Scpi;
using Bench.Visa.Sessions;

namespace Bench.Visa.Tests.Scpi;

// Error-queue format and codes from shared/protocols/scpi.md §2; the simulator's dialect is instruments/bench-sim-source.yaml.
public class ScpiSessionTests
{
    private LoopbackBench _bench = null!;

    [SetUp]
    public async Task StartBench() => _bench = await LoopbackBench.StartAsync();

    [TearDown]
    public async Task StopBench() => await _bench.DisposeAsync();

    [Test]
    public async Task IdentifiesTheSimulatedSource()
    {
        await using var scpi = await Open();
        Assert.That(await scpi.IdentifyAsync(CancellationToken.None), Is.EqualTo("Bench,SIM-SOURCE-3P,SIM0001,1.0"));
    }

    [Test]
    public async Task NumbersCrossTheWireInInvariantCultureUnderACommaDecimalCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            await using var scpi = await Open();
            await scpi.ConfigureAsync($"SOUR:PHAS1:VOLT {ScpiNumber.Format(230.5)},{ScpiNumber.Format(-0.25)}", CancellationToken.None);
            var values = await scpi.QueryDoublesAsync("SOUR:PHAS1:VOLT?", CancellationToken.None);
            Assert.That(values, Is.EqualTo(new[] { 230.5, -0.25 }));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public async Task RefusedConfigurationNamesTheCommandAndTheError()
    {
        await using var scpi = await Open();
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.ConfigureAsync("SOUR:PHAS1:VOLT 9999,0", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("'SOUR:PHAS1:VOLT 9999,0'").And.Contain("-222"));
        Assert.That(ex.Resource, Is.EqualTo(_bench.Source.Resource));
        Assert.That(await scpi.DrainErrorsAsync(CancellationToken.None), Is.Empty, "the queue was drained");
    }

    [Test]
    public async Task UnknownHeaderIsRaisedAsUndefinedHeader()
    {
        await using var scpi = await Open();
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.ConfigureAsync("BOGus:COMmand 1", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("-113,\"Undefined header\""));
    }

    [Test]
    public async Task InjectedScpiErrorIsRaisedForThatCommandOnly()
    {
        await using var scpi = await Open();
        _bench.Source.Faults.ErrorOnCommand = "SOUR:FREQ";
        await scpi.ConfigureAsync("SOUR:PHAS1:VOLT 10,0", CancellationToken.None);
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.ConfigureAsync("SOUR:FREQ 50", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("'SOUR:FREQ 50'").And.Contain("-200"));
    }

    [Test]
    public async Task OperationCompleteAnswersOne()
    {
        await using var scpi = await Open();
        Assert.DoesNotThrowAsync(() => scpi.WaitOperationCompleteAsync(CancellationToken.None));
    }

    [Test]
    public async Task GarbledReplyIsAFaultNamingTheQuery()
    {
        await using var scpi = await Open();
        _bench.Source.Faults.GarbleNextReplies = 1;
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.QueryDoubleAsync("SOUR:FREQ?", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("garbled reply to 'SOUR:FREQ?'"));
        Assert.That(await scpi.QueryDoubleAsync("SOUR:FREQ?", CancellationToken.None), Is.EqualTo(50), "the next reply is clean");
    }

    [Test]
    public async Task SlowReplyTimesOutNamingTheQuery()
    {
        await using var scpi = await Open(TimeSpan.FromMilliseconds(100));
        _bench.Source.Faults.ReplyDelay = TimeSpan.FromMilliseconds(400);
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.QueryAsync("*IDN?", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("timeout").And.Contain("'*IDN?'"));
    }

    [Test]
    public async Task DroppedConnectionIsAFault()
    {
        await using var scpi = await Open();
        _bench.Source.Faults.DropAfterCommands = 0;
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.QueryAsync("*IDN?", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("'*IDN?'"));
    }

    [Test]
    public async Task ConcurrentQueriesNeverInterleave()
    {
        await using var scpi = await Open();
        for (var p = 1; p <= 3; p++)
        {
            await scpi.ConfigureAsync($"SOUR:PHAS{p}:VOLT {100 * p},0", CancellationToken.None);
        }

        var tasks = Enumerable.Range(0, 12).Select(async n =>
        {
            var phase = (n % 3) + 1;
            for (var k = 0; k < 40; k++)
            {
                var v = await scpi.QueryDoublesAsync($"SOUR:PHAS{phase}:VOLT?", CancellationToken.None);
                if (v[0] != 100 * phase)
                {
                    return false;
                }
            }

            return true;
        });
        Assert.That(await Task.WhenAll(tasks), Is.All.True);
    }

    [Test]
    public async Task TranscriptRecordsBothDirections()
    {
        await using var scpi = await Open();
        var lines = new List<TranscriptEntry>();
        scpi.Transcript += lines.Add;
        await scpi.QueryAsync("*IDN?", CancellationToken.None);
        Assert.That(lines.Select(l => (l.Direction, l.Text)), Is.EqualTo(new[]
        {
            (TranscriptDirection.Sent, "*IDN?"),
            (TranscriptDirection.Received, "Bench,SIM-SOURCE-3P,SIM0001,1.0"),
        }));
    }

    [TestCase("-113,\"Undefined header\"", -113, "Undefined header")]
    [TestCase("+0,\"No error\"", 0, "No error")]
    [TestCase("0", 0, "")]
    public void ParsesErrorQueueEntries(string reply, int code, string message)
    {
        Assert.That(ScpiSession.TryParseError(reply, out var e), Is.True);
        Assert.That(e, Is.EqualTo(new ScpiError(code, message)));
    }

    private Task<ScpiSession> Open(TimeSpan? timeout = null) =>
        ScpiSession.OpenAsync(_bench.Source.Resource, new VisaSessionOptions { Timeout = timeout ?? TestTimeouts.Io }, new ScpiSessionOptions { ErrorQuery = "SYST:ERR?" }, null, CancellationToken.None);
}
