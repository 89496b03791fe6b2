using Bench.Core.Errors;
using Bench.Visa.Sessions;

namespace Bench.Visa.Tests.Sessions;

// Read rules from shared/protocols/visa.md §2 (TERMCHAR_EN, END) and IEEE 488.2 definite-length blocks (scpi.md §2).
public class MessageSessionTests
{
    [Test]
    public async Task ReadStopsAtTheTerminatorAndKeepsTheRestForTheNextRead()
    {
        var t = new ScriptedTransport();
        t.Enqueue("1.5\n2.5", false);
        t.Enqueue("\n", false);
        await using var s = new MessageSession(t, new VisaSessionOptions());
        Assert.That(await s.ReadStringAsync(CancellationToken.None), Is.EqualTo("1.5"));
        Assert.That(await s.ReadStringAsync(CancellationToken.None), Is.EqualTo("2.5"));
    }

    [Test]
    public async Task EndStopsAReadWithoutATerminator()
    {
        var t = new ScriptedTransport();
        t.Enqueue("PART1,", false);
        t.Enqueue("PART2", true);
        await using var s = new MessageSession(t, new VisaSessionOptions { ReadTermination = null });
        Assert.That(await s.ReadStringAsync(CancellationToken.None), Is.EqualTo("PART1,PART2"));
    }

    [Test]
    public async Task WriteAppendsTheTerminationAndAssertsEnd()
    {
        var t = new ScriptedTransport();
        await using var s = new MessageSession(t, new VisaSessionOptions { WriteTermination = "\r\n" });
        await s.WriteAsync("*RST", CancellationToken.None);
        Assert.That(t.Written.Single().Data, Is.EqualTo("*RST\r\n"u8.ToArray()));
        Assert.That(t.Written.Single().End, Is.True);
    }

    [Test]
    public async Task DefiniteLengthBlockIsReadByLengthEvenWhenItContainsTheTerminator()
    {
        // #3 + "010" + ten bytes of which two are 0x0A: a terminator-based read would stop early.
        byte[] payload = [1, 10, 2, 3, 10, 4, 5, 6, 7, 8];
        var t = new ScriptedTransport();
        t.Enqueue("#3010", false);
        t.Enqueue(payload[..4], false);
        t.Enqueue([.. payload[4..], (byte)'\n', .. "NEXT\n"u8.ToArray()], false);
        await using var s = new MessageSession(t, new VisaSessionOptions());
        Assert.That(await s.ReadBlockAsync(CancellationToken.None), Is.EqualTo(payload));
        Assert.That(await s.ReadStringAsync(CancellationToken.None), Is.EqualTo("NEXT"));
    }

    [Test]
    public async Task IndefiniteBlockRunsToEnd()
    {
        var t = new ScriptedTransport();
        t.Enqueue("#0ABC\nDEF", true);
        await using var s = new MessageSession(t, new VisaSessionOptions { ReadTermination = null });
        Assert.That(await s.ReadBlockAsync(CancellationToken.None), Is.EqualTo("ABC\nDEF"u8.ToArray()));
    }

    [Test]
    public async Task BlockWithoutHashIsAGarbledReply()
    {
        var t = new ScriptedTransport();
        t.Enqueue("1.0,2.0\n", false);
        await using var s = new MessageSession(t, new VisaSessionOptions());
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => s.ReadBlockAsync(CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("garbled").And.Contain("TEST::SCRIPTED"));
    }

    [Test]
    public async Task SilenceTimesOutAsAnInstrumentFault()
    {
        var t = new ScriptedTransport();
        await using var s = new MessageSession(t, new VisaSessionOptions { Timeout = TimeSpan.FromMilliseconds(50) });
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => s.ReadStringAsync(CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("timeout").And.Contain("50 ms"));
    }

    [Test]
    public async Task CallerCancellationIsNotReportedAsATimeout()
    {
        var t = new ScriptedTransport();
        await using var s = new MessageSession(t, new VisaSessionOptions { Timeout = TimeSpan.FromSeconds(10) });
        using var cts = new CancellationTokenSource(30);
        Assert.That(async () => await s.ReadStringAsync(cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task RunawayReplyWithoutTerminatorIsCutOff()
    {
        var t = new ScriptedTransport();
        t.Enqueue(new byte[100_000], false);
        await using var s = new MessageSession(t, new VisaSessionOptions { MaxMessageBytes = 16 * 1024 });
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => s.ReadStringAsync(CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("without a terminator"));
    }
}
