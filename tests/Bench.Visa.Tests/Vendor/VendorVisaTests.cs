using Bench.Core.Errors;
using Bench.Visa.Scpi;
using Bench.Visa.Sessions;
using Bench.Visa.Transports;
using Bench.Visa.Vendor;

namespace Bench.Visa.Tests.Vendor;

// The vendor backend against a stand-in libvisa built here with gcc (standin_visa.c), which forwards to the simulator:
// the same P/Invoke path a real NI-VISA or R&S VISA takes, with the status codes of shared/protocols/visa.md §3.
public class VendorVisaTests
{
    private LoopbackBench _bench = null!;
    private VendorVisaLibrary _library = null!;

    [SetUp]
    public async Task Start()
    {
        _bench = await LoopbackBench.StartAsync();
        _library = VendorVisaLibrary.Load(StandInLibrary.Path);
    }

    [TearDown]
    public async Task Stop()
    {
        _library.Dispose();
        await _bench.DisposeAsync();
    }

    [Test]
    public async Task GpibResourceReachesTheSimulatorThroughTheVendorLibrary()
    {
        var port = int.Parse(_bench.Source.Resource.Split("::")[2], System.Globalization.CultureInfo.InvariantCulture);
        var gpib = $"GPIB0::{Random.Shared.Next(1, 30)}::INSTR";
        StandInLibrary.Map(gpib, "127.0.0.1", port);
        await using var scpi = await ScpiSession.OpenAsync(gpib, new VisaSessionOptions { VendorLibrary = _library, Timeout = TestTimeouts.Io }, null, null, CancellationToken.None);
        Assert.That(scpi.Session.Transport, Is.TypeOf<VendorVisaTransport>());
        Assert.That(await scpi.IdentifyAsync(CancellationToken.None), Is.EqualTo("Bench,SIM-SOURCE-3P,SIM0001,1.0"));
        await scpi.ConfigureAsync("SOUR:PHAS1:VOLT 120.5,0", CancellationToken.None);
        Assert.That(await scpi.QueryDoublesAsync("SOUR:PHAS1:VOLT?", CancellationToken.None), Is.EqualTo(new[] { 120.5, 0 }));
    }

    [Test]
    public async Task LibraryTimeoutBecomesAFaultWithItsStatusText()
    {
        await using var scpi = await ScpiSession.OpenAsync(_bench.Source.Resource, new VisaSessionOptions { VendorLibrary = _library, Timeout = TimeSpan.FromMilliseconds(200) }, null, null, CancellationToken.None);
        _bench.Source.Faults.Mute = true;
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => scpi.QueryAsync("*IDN?", CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("VI_ERROR_TMO"));
    }

    [Test]
    public void UnknownResourceIsReportedWithViStatusDesc()
    {
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => VisaOpener.OpenAsync("USB0::0x1234::0x5678::SN1::INSTR", new VisaSessionOptions { VendorLibrary = _library }, CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("USB0::0x1234::0x5678::SN1::INSTR").And.Contain("VI_ERROR_RSRC_NFOUND"));
    }

    [Test]
    public void StatusDescriptionComesFromTheLibrary()
    {
        Assert.That(_library.Describe(0, VisaStatus.ErrorTimeout), Does.StartWith("VI_ERROR_TMO"));
    }

    [Test]
    public void NonVisaLibraryIsAnInputError()
    {
        var ex = Assert.Throws<BenchInputException>(() => VendorVisaLibrary.Load("libc.so.6"));
        Assert.That(ex!.Message, Does.Contain("not a VISA library"));
        Assert.That(() => VendorVisaLibrary.Load("/nonexistent/libvisa.so"), Throws.TypeOf<BenchInputException>());
    }

    [Test]
    public void GpibWithoutAVendorLibraryIsAnInputError()
    {
        var ex = Assert.ThrowsAsync<BenchInputException>(() => VisaOpener.OpenAsync("GPIB0::22::INSTR", TestTimeouts.Session, CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("vendor VISA library"));
    }
}
