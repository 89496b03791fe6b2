namespace Bench.Visa.Tests.Interop;

// The independent peer is pyvisa 1.11 + pyvisa-py 0.5 from Debian (ResourceManager("@py")), per shared/TOOLING.md.
public class PyVisaSocketTests
{
    private const string Script = """
        import sys, json, pyvisa
        rm = pyvisa.ResourceManager("@py")
        inst = rm.open_resource(sys.argv[1], read_termination="\n", write_termination="\n", timeout=5000)
        out = {"idn": inst.query("*IDN?")}
        inst.write("SOURce:PHASe1:VOLTage 230.5,0")
        inst.write("SOUR:PHAS1:CURR 5,-60")
        inst.write("OUTP ON")
        out["volt"] = inst.query("SOUR:PHAS1:VOLT?")
        out["curr"] = inst.query("PHAS1:CURR?")
        out["err_none"] = inst.query("SYST:ERR?")
        inst.write("SOUR:PHAS1:VOLT 9999,0")
        inst.write("BOGUS:CMD")
        out["err1"] = inst.query("SYSTem:ERRor?")
        out["err2"] = inst.query("SYST:ERR:NEXT?")
        out["err3"] = inst.query("SYST:ERR?")
        out["output_while_connected"] = inst.query("OUTP?")
        inst.close()
        print(json.dumps(out))
        """;

    [Test]
    public async Task PyVisaDrivesTheSimulatedSourceOverSocket()
    {
        await using var bench = await LoopbackBench.StartAsync();
        var r = await PythonPeer.RunAsync(Script, TimeSpan.FromSeconds(60), bench.Source.Resource);
        Assert.That(r.GetProperty("idn").GetString(), Is.EqualTo("Bench,SIM-SOURCE-3P,SIM0001,1.0"));
        Assert.That(r.GetProperty("volt").GetString(), Is.EqualTo("230.5,0"));
        Assert.That(r.GetProperty("curr").GetString(), Is.EqualTo("5,-60"));
        Assert.That(r.GetProperty("err_none").GetString(), Is.EqualTo("0,\"No error\""));
        Assert.That(r.GetProperty("err1").GetString(), Is.EqualTo("-222,\"Data out of range\""));
        Assert.That(r.GetProperty("err2").GetString(), Is.EqualTo("-113,\"Undefined header\""));
        Assert.That(r.GetProperty("err3").GetString(), Is.EqualTo("0,\"No error\""));
        Assert.That(r.GetProperty("output_while_connected").GetString(), Is.EqualTo("1"));
    }

    [Test]
    public async Task SourceOutputGoesOffWhenPyVisaDisconnects()
    {
        await using var bench = await LoopbackBench.StartAsync();
        _ = await PythonPeer.RunAsync(Script, TimeSpan.FromSeconds(60), bench.Source.Resource);

        // The grid saw 230.5 V on L1 while pyvisa held the connection; its close switched the output off.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (bench.Grid.State.OutputOn && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.That(bench.Grid.State.Setpoint.Phases[0].VoltageV, Is.EqualTo(230.5));
        Assert.That(bench.Grid.State.OutputOn, Is.False);
    }
}
