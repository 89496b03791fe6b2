using Bench.Modbus.Server;

namespace Bench.Modbus.Tests.Interop;

/// <summary>pymodbus 3.0.0rc1 (Debian) as an independent client of Bench's server: every function code.</summary>
public sealed class PymodbusClientTests
{
    [Test]
    public async Task Pymodbus_exercises_every_function_code_of_the_server()
    {
        var bank = new RegisterBank();
        bank.DefineHolding(0, 300);
        bank.DefineInput(0, 20);
        bank.DefineCoils(0, 200);
        bank.DefineDiscreteInputs(0, 10);
        bank.Holding[0x6B] = 0x022B;
        bank.Holding[0x6D] = 0x0064;
        bank.Input[8] = 10;
        bool[] coils = [true, false, true, true, false, false, true, true, true, true, false, true, false, true, true, false, true, false, true];
        coils.CopyTo(bank.Coils[0x13..]);
        bank.DiscreteInputs[1] = true;
        bank.Identification[0] = "Bench";
        bank.Identification[1] = "SIM";
        bank.Identification[2] = "1.0";
        await using var server = ModbusTcpServer.Start(new UnitRouter().Add(3, new ModbusDevice(bank)));

        var output = await RunAsync(server.LocalEndPoint.Port);

        // Spec frames of modbus.md §2 as data (registers 108–110 = 555, 0, 100; coils 20–38 = CD 6B 05), then writes.
        Assert.Multiple(() =>
        {
            Assert.That(output["fc03"], Is.EqualTo("[555, 0, 100]"));
            Assert.That(output["fc04"], Is.EqualTo("[10]"));
            Assert.That(output["fc01"], Is.EqualTo("[1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1]"));
            Assert.That(output["fc02"], Is.EqualTo("[0, 1, 0, 0]"));
            Assert.That(output["fc06"], Is.EqualTo("4660"));
            Assert.That(output["fc0f"], Is.EqualTo("3"));
            Assert.That(output["fc10"], Is.EqualTo("3"));
            Assert.That(output["fc17"], Is.EqualTo("[4660, 7, 8, 9]"));
            Assert.That(output["back"], Is.EqualTo("[1, 0, 1, 1]"));
            Assert.That(output["fc2b"], Is.EqualTo("[(0, 'Bench'), (1, 'SIM'), (2, '1.0')]"));
            Assert.That(output["exc"], Is.EqualTo("2"));
            Assert.That(bank.Holding[204], Is.EqualTo(42), "0x17 wrote register 204");
        });
    }

    private static async Task<Dictionary<string, string>> RunAsync(int port)
    {
        var info = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "Interop", "peers", "pymodbus_client_all.py"));
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add("3");
        using var process = System.Diagnostics.Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.EqualTo(0), stderr + stdout);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', 2)).ToDictionary(p => p[0], p => p[1].Trim());
    }
}
