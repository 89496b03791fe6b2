using Bench.Sim.Grid;
using Bench.Sim.Instruments;
using Bench.Sim.Instruments.Servers;
using Bench.Visa.Scpi;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Visa.Tests.Vxi11;

// Like a LAN gateway: one host, one portmapper, the source as inst0/hislip0 and the reference as inst1/hislip1.
public class SharedHostTests
{
    [Test]
    public async Task SourceAndReferenceShareOneVxi11AndOneHiSlipServer()
    {
        var host = Loopback.Unique();
        await using var vxi = Vxi11Server.Start(host);
        await using var hislip = HiSlipServer.Start(host);
        var grid = new SimulatedGrid(new FakeTimeProvider());
        await using var source = await SimulatedSource.StartAsync(grid, new SimulatedInstrumentOptions
        {
            Host = host,
            SharedVxi11 = vxi,
            Vxi11DeviceName = "inst0",
            SharedHiSlip = hislip,
            HiSlipSubAddress = "hislip0",
        }, CancellationToken.None);
        await using var reference = await SimulatedReference.StartAsync(new GridObserver(grid), new SimulatedInstrumentOptions
        {
            Host = host,
            Serial = "REF9",
            SharedVxi11 = vxi,
            Vxi11DeviceName = "inst1",
            SharedHiSlip = hislip,
            HiSlipSubAddress = "hislip1",
        }, CancellationToken.None);

        Assert.That(vxi.HasPortmapper, Is.True);
        Assert.That(reference.Vxi11Resource, Is.EqualTo($"TCPIP::{host}::inst1::INSTR"));
        foreach (var (resource, model) in new[]
        {
            (source.Vxi11Resource!, "SIM-SOURCE-3P"), (reference.Vxi11Resource!, "SIM-REFERENCE-3P"),
            (source.HiSlipResource!, "SIM-SOURCE-3P"), (reference.HiSlipResource!, "SIM-REFERENCE-3P"),
        })
        {
            await using var scpi = await ScpiSession.OpenAsync(resource, TestTimeouts.Session, null, null, CancellationToken.None);
            Assert.That(await scpi.IdentifyAsync(CancellationToken.None), Does.Contain(model), resource);
        }
    }
}
