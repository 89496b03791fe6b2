using Bench.Core.Errors;
using Bench.Dut.Meter;

namespace Bench.Dut.Tests.Meter;

/// <summary>Resource strings: what `bench sim` prints and bench.yaml holds.</summary>
public sealed class ModbusResourceTests
{
    [Test]
    public void Tcp_resource_with_unit()
    {
        var r = ModbusResource.Parse("modbus-tcp://127.0.0.1:40123?unit=7");
        Assert.Multiple(() =>
        {
            Assert.That(r.IsTcp, Is.True);
            Assert.That(r.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(r.Port, Is.EqualTo(40123));
            Assert.That(r.UnitId, Is.EqualTo((byte)7));
        });
    }

    [Test]
    public void Tcp_resource_defaults_to_port_502_and_the_profile_unit()
    {
        var r = ModbusResource.Parse("modbus-tcp://meter.lab.local");
        Assert.Multiple(() =>
        {
            Assert.That(r.Port, Is.EqualTo(502));
            Assert.That(r.UnitId, Is.Null);
        });
    }

    [Test]
    public void Rtu_resource_with_line_settings()
    {
        var r = ModbusResource.Parse("modbus-rtu:///dev/ttyUSB0?baud=9600&parity=N&stop=2&unit=3");
        Assert.Multiple(() =>
        {
            Assert.That(r.IsTcp, Is.False);
            Assert.That(r.SerialPort, Is.EqualTo("/dev/ttyUSB0"));
            Assert.That(r.BaudRate, Is.EqualTo(9600));
            Assert.That(r.Parity, Is.EqualTo('N'));
            Assert.That(r.StopBits, Is.EqualTo(2));
            Assert.That(r.UnitId, Is.EqualTo((byte)3));
        });
    }

    [Test]
    public void Rtu_resource_defaults_to_19200_8E1()
    {
        var r = ModbusResource.Parse("modbus-rtu:///dev/ttyS1");
        Assert.That((r.BaudRate, r.Parity, r.StopBits), Is.EqualTo((19200, 'E', 1)));
    }

    [TestCase("modbus-tcp://127.0.0.1:502?unit=300", "unit must be a whole number in 0…255")]
    [TestCase("modbus-tcp://127.0.0.1:502?unit=x", "unit must be")]
    [TestCase("modbus-tcp://127.0.0.1:502?slave=1", "unknown option 'slave'")]
    [TestCase("modbus-tcp://127.0.0.1:502/meter", "expected modbus-tcp://HOST:PORT")]
    [TestCase("modbus-rtu://dev/ttyUSB0", "three slashes")]
    [TestCase("modbus-rtu:///dev/ttyUSB0?parity=X", "parity must be N, E or O")]
    [TestCase("tcp://127.0.0.1:502", "expected modbus-tcp://")]
    [TestCase("127.0.0.1:502", "expected modbus-tcp://")]
    public void Malformed_resources_are_bad_input_naming_the_resource(string resource, string reason)
    {
        var e = Assert.Throws<BenchInputException>(() => ModbusResource.Parse(resource));
        Assert.Multiple(() =>
        {
            Assert.That(e!.Location, Is.EqualTo(resource));
            Assert.That(e.Reason, Does.Contain(reason));
        });
    }
}
