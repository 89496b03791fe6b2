using Bench.Core.Quantities;
using Bench.Sim.Instruments;

namespace Bench.Visa.Tests.Interop;

// pyvisa-py drives the simulated reference standard over SOCKET and VXI-11: identity, the measurement query (values
// checked against P = U·I·cos φ), energy integration on the bench clock, and the error queue.
public class PyVisaReferenceTests
{
    private const string Script = """
        import sys, json, pyvisa
        rm = pyvisa.ResourceManager("@py")
        ref = rm.open_resource(sys.argv[1], read_termination="\n", write_termination="\n", timeout=5000)
        out = {"idn": ref.query("*IDN?")}
        out["values"] = [float(v) for v in ref.query("MEASure:ALL?").split(",")]
        ref.write("ENERgy:RESet")
        ref.write("ENERgy:STARt")
        ref.write("ENERgy:STOP")
        out["energy"] = [float(v) for v in ref.query("ENER:VAL?").split(",")]
        ref.write("MEASure:NOTHING?")
        out["err"] = ref.query("SYST:ERR?")
        ref.close()
        print(json.dumps(out))
        """;

    [TestCase(false)]
    [TestCase(true)]
    public async Task PyVisaReadsTheSimulatedReference(bool vxi11)
    {
        var host = Loopback.Unique();
        await using var bench = await LoopbackBench.StartAsync(
            new SimulatedInstrumentOptions { Host = host, ServeVxi11 = false, TryPortmapper = false },
            new SimulatedInstrumentOptions { Host = host, Serial = "REF0001" });
        bench.Grid.Program(ThreePhaseSetpoint.Balanced(230, 5, new PowerFactor(0.5, LoadKind.Inductive), 50));
        bench.Grid.SwitchOutput(true);
        var resource = vxi11 ? bench.Reference.Vxi11Resource! : bench.Reference.Resource;
        var r = await PythonPeer.RunAsync(Script, TimeSpan.FromSeconds(60), resource);

        Assert.That(r.GetProperty("idn").GetString(), Is.EqualTo("Bench,SIM-REFERENCE-3P,REF0001,1.0"));
        var values = r.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.That(values, Has.Length.EqualTo(19), "fields of instruments/bench-sim-reference.yaml");
        Assert.That(values[0..3], Is.All.EqualTo(230).Within(0.01), "U1..U3");
        Assert.That(values[6..9], Is.All.EqualTo(575).Within(0.1), "P1..P3 = 230 V · 5 A · 0.5");
        Assert.That(values[18], Is.EqualTo(50).Within(0.01), "F");
        Assert.That(r.GetProperty("energy").EnumerateArray().Select(v => v.GetDouble()), Is.EqualTo(new[] { 0.0, 0, 0, 0 }), "WH, VARH, TIME, VAH: no bench time passed");
        Assert.That(r.GetProperty("err").GetString(), Is.EqualTo("-113,\"Undefined header\""));
    }
}
