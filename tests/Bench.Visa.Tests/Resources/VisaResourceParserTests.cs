using Bench.Core.Errors;
using Bench.Visa.Resources;

namespace Bench.Visa.Tests.Resources;

// Expected fields follow the grammar table and parse rules of shared/protocols/visa.md §1 (PyVISA rname.py behaviour).
public class VisaResourceParserTests
{
    [Test]
    public void SocketResourceCarriesHostAndPort()
    {
        var r = VisaResourceParser.Parse("TCPIP0::10.0.0.8::5025::SOCKET");
        Assert.That(r.Kind, Is.EqualTo(VisaTransportKind.TcpipSocket));
        Assert.That(r.Host, Is.EqualTo("10.0.0.8"));
        Assert.That(r.Port, Is.EqualTo(5025));
        Assert.That(r.Canonical, Is.EqualTo("TCPIP0::10.0.0.8::5025::SOCKET"));
    }

    [Test]
    public void KeywordAndClassAreCaseInsensitiveAndBoardDefaultsToZero()
    {
        var r = VisaResourceParser.Parse("tcpip::meter.lab::5025::socket");
        Assert.That(r.Board, Is.Zero);
        Assert.That(r.Canonical, Is.EqualTo("TCPIP0::meter.lab::5025::SOCKET"));
    }

    [TestCase("TCPIP::192.168.0.5::INSTR", "192.168.0.5", "inst0", null)]
    [TestCase("TCPIP::192.168.0.5", "192.168.0.5", "inst0", null)]
    [TestCase("TCPIP0::meter.lab::inst1::INSTR", "meter.lab", "inst1", null)]
    [TestCase("TCPIP::127.0.0.1,40000::inst0::INSTR", "127.0.0.1", "inst0", 40000)]
    [TestCase("TCPIP::10.0.0.7::gpib0,5::INSTR", "10.0.0.7", "gpib0,5", null)]
    public void InstrWithoutHislipIsVxi11(string text, string host, string device, int? port)
    {
        var r = VisaResourceParser.Parse(text);
        Assert.That(r.Kind, Is.EqualTo(VisaTransportKind.Vxi11));
        Assert.That((r.Host, r.DeviceName, r.Port), Is.EqualTo((host, device, port)));
    }

    [TestCase("TCPIP::10.0.0.9::hislip0::INSTR", "hislip0", null)]
    [TestCase("TCPIP::10.0.0.9::HiSLIP0,4881::INSTR", "HiSLIP0", 4881)]
    public void HislipDeviceNamesSelectHislip(string text, string device, int? port)
    {
        var r = VisaResourceParser.Parse(text);
        Assert.That(r.Kind, Is.EqualTo(VisaTransportKind.HiSlip));
        Assert.That((r.DeviceName, r.Port), Is.EqualTo((device, port)));
    }

    [Test]
    public void SerialTakesANumberOrADevicePath()
    {
        Assert.That(VisaResourceParser.Parse("ASRL/dev/ttyUSB0::INSTR").SerialPort, Is.EqualTo("/dev/ttyUSB0"));
        var numbered = VisaResourceParser.Parse("ASRL3::INSTR");
        Assert.That(numbered.Board, Is.EqualTo(3));
        Assert.That(numbered.SerialPort, Is.EqualTo(OperatingSystem.IsWindows() ? "COM3" : "/dev/ttyS2"));
    }

    [Test]
    public void GpibAndUsbParseButNeedAVendorLibrary()
    {
        var gpib = VisaResourceParser.Parse("GPIB::5::96::INSTR");
        Assert.That((gpib.GpibPrimary, gpib.GpibSecondary, gpib.Kind), Is.EqualTo(((int?)5, (int?)96, VisaTransportKind.VendorOnly)));
        var usb = VisaResourceParser.Parse("USB0::0x0957::0x1755::MY12345678::INSTR");
        Assert.That((usb.UsbVendorId, usb.UsbProductId, usb.UsbSerial), Is.EqualTo(("0x0957", "0x1755", "MY12345678")));
        Assert.That(usb.Canonical, Is.EqualTo("USB0::0x0957::0x1755::MY12345678::0::INSTR"));
    }

    [TestCase("", "required")]
    [TestCase("TCPIP::10.0.0.8::SOCKET", "host::port::SOCKET")]
    [TestCase("TCPIP::10.0.0.8::99999::SOCKET", "port '99999'")]
    [TestCase("TCPIP::10.0.0.8::abc::SOCKET", "port 'abc'")]
    [TestCase("FOO::1::INSTR", "unknown interface 'FOO'")]
    [TestCase("TCPIP::a::b::c::INSTR", "TCPIP[board]::host")]
    [TestCase("TCPIP::::5025::SOCKET", "empty field")]
    [TestCase("GPIB::31::INSTR", "primary address")]
    [TestCase("ASRL::INSTR", "port number or a device path")]
    public void BadNamesRaiseAnInputErrorNamingTheResource(string text, string reason)
    {
        var ex = Assert.Throws<BenchInputException>(() => VisaResourceParser.Parse(text));
        Assert.That(ex!.Message, Does.Contain(reason));
        if (text.Length > 0)
        {
            Assert.That(ex.Location, Is.EqualTo(text));
        }
    }
}
