using Bench.Modbus.Client;
using Bench.Modbus.Errors;
using Bench.Modbus.Framing;
using Bench.Modbus.Protocol;
using Bench.Modbus.Server;
using Bench.Modbus.Transport;
using Bench.Testing;

namespace Bench.Modbus.Tests.Rtu;

/// <summary>Bench's RTU master and slave over a socat pseudo-terminal pair at 19200 8E1.</summary>
public sealed class RtuOverPtyTests
{
    [Test]
    public async Task Master_reads_and_writes_a_slave_over_a_serial_line()
    {
        using var pair = SocatPair.Start();
        var bank = new RegisterBank();
        bank.DefineHolding(0, 300);
        bank.DefineCoils(0, 64);
        bank.Holding[0x6B] = 0x022B;
        bank.Holding[0x6D] = 0x0064;
        var router = new UnitRouter { AnswerUnknownUnits = false }.Add(17, new ModbusDevice(bank));
        await using var server = ModbusRtuServer.Open(pair.EndB, router, 19200, 'E', 1);
        await using var client = new ModbusClient(ModbusRtuTransport.Open(pair.EndA, 19200, 'E', 1), new ModbusClientOptions { Timeout = TimeSpan.FromSeconds(1), Retries = 1 });

        var registers = await client.ReadHoldingRegistersAsync(17, 0x6B, 3, CancellationToken.None);
        await client.WriteMultipleRegistersAsync(17, 1, [0x000A, 0x0102], CancellationToken.None);
        await client.WriteSingleCoilAsync(17, 5, true, CancellationToken.None);
        var coils = await client.ReadCoilsAsync(17, 0, 8, CancellationToken.None);
        var exception = Assert.ThrowsAsync<ModbusServerException>(() => client.ReadHoldingRegistersAsync(17, 299, 2, CancellationToken.None));

        // Another address on the bus: nobody answers, the master times out.
        Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(18, 0, 1, CancellationToken.None));

        // Broadcast write: executed by every slave, answered by none.
        await client.WriteSingleRegisterAsync(0, 200, 0xBEEF, CancellationToken.None);
        var broadcast = await client.ReadHoldingRegistersAsync(17, 200, 1, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(registers, Is.EqualTo(new ushort[] { 555, 0, 100 }));
            Assert.That(bank.Holding[1..3].ToArray(), Is.EqualTo(new ushort[] { 0x000A, 0x0102 }));
            Assert.That(coils[5], Is.True);
            Assert.That(exception!.Code, Is.EqualTo(ExceptionCode.IllegalDataAddress));
            Assert.That(broadcast[0], Is.EqualTo(0xBEEF));
        });
    }

    [Test]
    public async Task Slave_drops_a_frame_with_a_bad_CRC_and_answers_the_next_one()
    {
        using var pair = SocatPair.Start();
        var bank = new RegisterBank();
        bank.DefineHolding(0, 10);
        bank.Holding[0] = 42;
        await using var server = ModbusRtuServer.Open(pair.EndB, new UnitRouter { AnswerUnknownUnits = false }.Add(1, new ModbusDevice(bank)), 19200, 'E', 1);
        await using var raw = new FileStream(pair.EndA, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, useAsync: false);

        // 01 03 00 00 00 01 with its CRC (84 0A) corrupted, then the good frame after a silence.
        raw.Write(Convert.FromHexString("010300000001840B"));
        raw.Flush();
        await Task.Delay(50);
        raw.Write(Convert.FromHexString("010300000001840A"));
        raw.Flush();
        var sent = System.Diagnostics.Stopwatch.StartNew();
        var reply = new byte[7];
        var read = 0;
        using var timeout = new CancellationTokenSource(2000);
        while (read < reply.Length)
        {
            read += await raw.ReadAsync(reply.AsMemory(read), timeout.Token);
        }

        var answeredAfter = sent.Elapsed;

        // Reply 01 03 02 00 2A + CRC; CRC recomputed with the table-verified Crc16Modbus. Not before t3.5 = 2.005 ms
        // at 19200 baud 8E1 (modbus.md §4): the slave only knows the request ended after that silence.
        Assert.Multiple(() =>
        {
            Assert.That(answeredAfter, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(2)));
            Assert.That(Convert.ToHexString(reply[..5]), Is.EqualTo("010302002A"));
            Assert.That(Crc16Modbus.IsValid(reply), Is.True);
            Assert.That(server.CrcErrors, Is.EqualTo(1));
        });
    }
}
