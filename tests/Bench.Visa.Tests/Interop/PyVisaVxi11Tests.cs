using Bench.Sim.Instruments;

namespace Bench.Visa.Tests.Interop;

// pyvisa-py 0.5.1 always finds the VXI-11 core channel through the portmapper on port 111 (protocols/rpc.py TCPClient),
// so the simulator runs on a loopback address of its own where it can bind 111.
public class PyVisaVxi11Tests
{
    private const string Script = """
        import sys, json, pyvisa
        rm = pyvisa.ResourceManager("@py")
        inst = rm.open_resource(sys.argv[1], read_termination="\n", write_termination="\n", timeout=5000)
        out = {"idn": inst.query("*IDN?")}
        inst.write("SOUR:PHAS2:VOLT 115.25,-120")
        out["volt"] = inst.query("SOUR:PHAS2:VOLT?")
        out["err_none"] = inst.query("SYST:ERR?")
        inst.write("SOUR:PHAS2:VOLT 999,0")
        out["err1"] = inst.query("SYST:ERR?")
        inst.clear()
        out["after_clear"] = inst.query("SOUR:FREQ?")
        inst.close()
        print(json.dumps(out))
        """;

    [Test]
    public async Task PyVisaDrivesTheSimulatedSourceOverVxi11()
    {
        var host = Loopback.Unique();
        await using var bench = await LoopbackBench.StartAsync(new SimulatedInstrumentOptions { Host = host }, new SimulatedInstrumentOptions { Host = host, ServeVxi11 = false, TryPortmapper = false });
        Assert.That(bench.Source.Vxi11Resource, Is.EqualTo($"TCPIP::{host}::inst0::INSTR"), "port 111 must be bindable here (root)");
        var r = await PythonPeer.RunAsync(Script, TimeSpan.FromSeconds(60), bench.Source.Vxi11Resource!);
        Assert.That(r.GetProperty("idn").GetString(), Is.EqualTo("Bench,SIM-SOURCE-3P,SIM0001,1.0"));
        Assert.That(r.GetProperty("volt").GetString(), Is.EqualTo("115.25,-120"));
        Assert.That(r.GetProperty("err_none").GetString(), Is.EqualTo("0,\"No error\""));
        Assert.That(r.GetProperty("err1").GetString(), Is.EqualTo("-222,\"Data out of range\""));
        Assert.That(r.GetProperty("after_clear").GetString(), Is.EqualTo("50"));
    }
}
