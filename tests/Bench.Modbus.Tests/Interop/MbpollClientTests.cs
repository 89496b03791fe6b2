using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

using Bench.Modbus.Server;

namespace Bench.Modbus.Tests.Interop;

/// <summary>
/// mbpoll 1.4 (Debian; libmodbus underneath) as a second independent client of Bench's TCP server: reads with 01, 02,
/// 03 and 04 and writes with 05, 06, 0F and 10. The data are the example frames of modbus.md §2 (Modbus Application
/// Protocol V1.1b3 §6); mbpoll's references are 1-based (reference 108 = address 0x6B).
/// </summary>
public sealed partial class MbpollClientTests
{
    [Test]
    public async Task Mbpoll_reads_and_writes_every_basic_function_code()
    {
        var bank = new RegisterBank();
        bank.DefineHolding(0, 300);
        bank.DefineInput(0, 20);
        bank.DefineCoils(0, 200);
        bank.DefineDiscreteInputs(0, 230);
        bank.Holding[0x6B] = 0x022B;
        bank.Holding[0x6D] = 0x0064;
        bank.Input[0x08] = 0x000A;
        bool[] coils = [true, false, true, true, false, false, true, true, true, true, false, true, false, true, true, false, true, false, true];
        coils.CopyTo(bank.Coils[0x13..]);
        // Inputs 197-218 as in the spec's FC02 response AC DB 35 (LSB first per byte).
        BitsOf([0xAC, 0xDB, 0x35], 22).CopyTo(bank.DiscreteInputs[0xC4..]);
        var seen = new ConcurrentDictionary<byte, bool>();
        await using var server = ModbusTcpServer.Start(new UnitRouter().Add(3, new RecordingHandler(new ModbusDevice(bank), seen)));
        var port = server.LocalEndPoint.Port;

        var holding = await ReadAsync(port, "4", 108, 3);
        var input = await ReadAsync(port, "3", 9, 1);
        var coilValues = await ReadAsync(port, "0", 20, 19);
        var inputs = await ReadAsync(port, "1", 197, 22);
        await WriteAsync(port, "4", 2, "3"); // one register
        var single = bank.Holding[1];
        await WriteAsync(port, "4", 2, "10", "258"); // two registers
        await WriteAsync(port, "0", 174, "1"); // one coil
        await WriteAsync(port, "0", 50, "1", "0", "1", "1", "0", "0", "1", "1", "1", "0"); // ten coils

        Assert.Multiple(() =>
        {
            Assert.That(holding, Is.EqualTo(new[] { 555, 0, 100 }));
            Assert.That(input, Is.EqualTo(new[] { 10 }));
            Assert.That(coilValues, Is.EqualTo(coils.Select(c => c ? 1 : 0)));
            Assert.That(inputs, Is.EqualTo(BitsOf([0xAC, 0xDB, 0x35], 22).Select(b => b ? 1 : 0)));
            Assert.That(single, Is.EqualTo(3));
            Assert.That(bank.Holding[1..3].ToArray(), Is.EqualTo(new ushort[] { 0x000A, 0x0102 }));
            Assert.That(bank.Coils[173], Is.True);
            Assert.That(bank.Coils[49..59].ToArray(), Is.EqualTo(BitsOf([0xCD, 0x01], 10)), "the spec's 0F example data CD 01");
            Assert.That(seen.Keys.Order(), Is.EqualTo(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0F, 0x10 }));
        });
    }

    private static bool[] BitsOf(byte[] bytes, int count) => [.. Enumerable.Range(0, count).Select(k => (bytes[k / 8] & (1 << (k % 8))) != 0)];

    private static async Task<int[]> ReadAsync(int port, string table, int reference, int count)
    {
        var output = await Run(port, ["-t", table, "-r", Invariant(reference), "-c", Invariant(count), "-1", "127.0.0.1"]);
        return [.. ValueLine().Matches(output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
    }

    private static Task WriteAsync(int port, string table, int reference, params string[] values) =>
        Run(port, ["-t", table, "-r", Invariant(reference), "127.0.0.1", .. values]);

    private static async Task<string> Run(int port, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("mbpoll") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-m", "tcp", "-a", "3", "-p", Invariant(port), "-q" }.Concat(arguments))
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start mbpoll");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.EqualTo(0), $"mbpoll {string.Join(' ', info.ArgumentList)}: {await stderr}{await stdout}");
        return await stdout;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\[\d+\]:\s+(-?\d+)", RegexOptions.Multiline)]
    private static partial Regex ValueLine();

    /// <summary>Notes the function code of every request it passes on.</summary>
    private sealed class RecordingHandler(IModbusRequestHandler inner, ConcurrentDictionary<byte, bool> seen) : IModbusRequestHandler
    {
        public ValueTask<int> HandleAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, CancellationToken cancellationToken)
        {
            seen[requestPdu.Span[0]] = true;
            return inner.HandleAsync(unitId, requestPdu, responsePdu, cancellationToken);
        }
    }
}
