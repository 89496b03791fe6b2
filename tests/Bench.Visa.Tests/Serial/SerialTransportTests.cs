using Bench.Core.Errors;
using Bench.Sim.Instruments;
using Bench.Visa.Scpi;
using Bench.Visa.Sessions;

namespace Bench.Visa.Tests.Serial;

// ASRL over a socat pty pair: the simulator serves one end, Bench's client opens the other as ASRL<path>::INSTR.
public class SerialTransportTests
{
    [Test]
    public async Task ScpiOverASerialLine()
    {
        using var pty = await SocatPtyPair.StartAsync();
        await using var bench = await LoopbackBench.StartAsync(new SimulatedInstrumentOptions { TryPortmapper = false, SerialPort = pty.EndB });
        Assert.That(bench.Source.Resources, Does.Contain($"ASRL{pty.EndB}::INSTR"));
        var visa = new VisaSessionOptions { Timeout = TestTimeouts.Io, Serial = new SerialSettings { BaudRate = 9600 } };
        await using var scpi = await ScpiSession.OpenAsync($"ASRL{pty.EndA}::INSTR", visa, null, null, CancellationToken.None);
        Assert.That(await scpi.IdentifyAsync(CancellationToken.None), Is.EqualTo("Bench,SIM-SOURCE-3P,SIM0001,1.0"));
        await scpi.ConfigureAsync("SOUR:PHAS2:VOLT 57.7,-120", CancellationToken.None);
        Assert.That(await scpi.QueryDoublesAsync("SOUR:PHAS2:VOLT?", CancellationToken.None), Is.EqualTo(new[] { 57.7, -120 }));
    }

    [Test]
    public async Task SilentSerialLineTimesOut()
    {
        using var pty = await SocatPtyPair.StartAsync();
        await using var scpi = await ScpiSession.OpenAsync($"ASRL{pty.EndA}::INSTR", new VisaSessionOptions { Timeout = TimeSpan.FromMilliseconds(200) }, null, null, CancellationToken.None);
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.QueryAsync("*IDN?", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("timeout").And.Contain("'*IDN?'"));
    }

    [Test]
    public void MissingSerialPortIsAFaultNamingTheResource()
    {
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => VisaOpener.OpenAsync("ASRL/dev/does-not-exist::INSTR", TestTimeouts.Session, CancellationToken.None));
        Assert.That(ex!.Resource, Is.EqualTo("ASRL/dev/does-not-exist::INSTR"));
    }
}
