using System.Net;
using System.Net.Sockets;

using Bench.Visa.HiSlip;
using Bench.Visa.Transports;

namespace Bench.Visa.Tests.HiSlip;

// Byte layouts from the message table of IVI-6.1 as summarised in shared/protocols/vxi11-hislip.md §3:
// header = "HS", type, control code, 32-bit parameter, 64-bit payload length, all big-endian.
public class HiSlipLayoutTests
{
    [Test]
    public void MessageTypeCodesAreThoseOfTheSpecificationTable()
    {
        // Type numbers 0-25 of the HiSLIP 1.0 message table (vxi11-hislip.md §3), in table order.
        string[] table =
        [
            "Initialize", "InitializeResponse", "FatalError", "Error", "AsyncLock", "AsyncLockResponse", "Data", "DataEnd",
            "DeviceClearComplete", "DeviceClearAcknowledge", "AsyncRemoteLocalControl", "AsyncRemoteLocalResponse", "Trigger",
            "Interrupted", "AsyncInterrupted", "AsyncMaxMsgSize", "AsyncMaxMsgSizeResponse", "AsyncInitialize",
            "AsyncInitializeResponse", "AsyncDeviceClear", "AsyncServiceRequest", "AsyncStatusQuery", "AsyncStatusResponse",
            "AsyncDeviceClearAcknowledge", "AsyncLockInfo", "AsyncLockInfoResponse",
        ];
        Assert.That(table.Select(name => (int)Enum.Parse<HiSlipMessageType>(name)), Is.EqualTo(Enumerable.Range(0, table.Length)));
    }

    [Test]
    public void InitializeCarriesVersionVendorAndSubAddress()
    {
        var bytes = new HiSlipMessage(HiSlipMessageType.Initialize, 0, 0x0100_424E, "hislip0"u8.ToArray()).Encode();
        Assert.That(bytes, Is.EqualTo(new byte[]
        {
            0x48, 0x53, 0x00, 0x00, 0x01, 0x00, 0x42, 0x4E, 0, 0, 0, 0, 0, 0, 0, 7,
            (byte)'h', (byte)'i', (byte)'s', (byte)'l', (byte)'i', (byte)'p', (byte)'0',
        }));
    }

    [Test]
    public void DataEndCarriesRmtFlagAndMessageId()
    {
        var bytes = new HiSlipMessage(HiSlipMessageType.DataEnd, 1, HiSlipMessage.FirstMessageId, "*IDN?\n"u8.ToArray()).Encode();
        Assert.That(bytes[..16], Is.EqualTo(new byte[] { 0x48, 0x53, 7, 1, 0xFF, 0xFF, 0xFF, 0x00, 0, 0, 0, 0, 0, 0, 0, 6 }));
    }

    [Test]
    public async Task DecodesAHeaderAndRejectsABadPrologue()
    {
        var m = await HiSlipMessage.ReadAsync(new MemoryStream([0x48, 0x53, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0x10, 0, 0]), 64, CancellationToken.None);
        Assert.That((m!.Type, m.Parameter, m.Payload.Length), Is.EqualTo((HiSlipMessageType.AsyncMaxMsgSizeResponse, 0u, 8)));
        Assert.That(async () => await HiSlipMessage.ReadAsync(new MemoryStream(new byte[16]), 64, CancellationToken.None), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public async Task ClientOpeningSequenceMatchesTheSpecification()
    {
        // A scripted server records what the client sends and answers as IVI-6.1 prescribes.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var sync = await listener.AcceptTcpClientAsync();
            var init = await HiSlipMessage.ReadAsync(sync.GetStream(), 1024, CancellationToken.None);
            await sync.GetStream().WriteAsync(new HiSlipMessage(HiSlipMessageType.InitializeResponse, 0, 0x0100_0042, ReadOnlyMemory<byte>.Empty).Encode());
            using var async = await listener.AcceptTcpClientAsync();
            var asyncInit = await HiSlipMessage.ReadAsync(async.GetStream(), 1024, CancellationToken.None);
            await async.GetStream().WriteAsync(new HiSlipMessage(HiSlipMessageType.AsyncInitializeResponse, 0, 0x5858, ReadOnlyMemory<byte>.Empty).Encode());
            var max = await HiSlipMessage.ReadAsync(async.GetStream(), 1024, CancellationToken.None);
            await async.GetStream().WriteAsync(new HiSlipMessage(HiSlipMessageType.AsyncMaxMsgSizeResponse, 0, 0, new byte[] { 0, 0, 0, 0, 0, 0, 0x01, 0x00 }).Encode());
            var parts = new List<HiSlipMessage>();
            do
            {
                parts.Add((await HiSlipMessage.ReadAsync(sync.GetStream(), 1024, CancellationToken.None))!);
            }
            while (parts[^1].Type != HiSlipMessageType.DataEnd);

            return (init!, asyncInit!, max!, parts);
        });

        await using var t = await HiSlipTransport.ConnectAsync("test", "127.0.0.1", port, "hislip3", TimeSpan.FromSeconds(5), CancellationToken.None);
        await t.WriteAsync(new byte[600], true, CancellationToken.None); // larger than the 256-byte limit: split
        var (init, asyncInit, max, parts) = await server;

        Assert.That(init.Type, Is.EqualTo(HiSlipMessageType.Initialize));
        Assert.That(init.Parameter, Is.EqualTo(0x0100_424Eu), "version 1.0, vendor 'BN'");
        Assert.That(init.Payload.ToArray(), Is.EqualTo("hislip3"u8.ToArray()));
        Assert.That((asyncInit.Type, asyncInit.Parameter), Is.EqualTo((HiSlipMessageType.AsyncInitialize, 0x42u)), "session ID from InitializeResponse");
        Assert.That(max.Type, Is.EqualTo(HiSlipMessageType.AsyncMaxMsgSize));
        Assert.That(max.Payload.ToArray(), Is.EqualTo(new byte[] { 0, 0, 0, 0, 0, 0x10, 0, 0 }), "1 MiB, big-endian uint64");
        Assert.That(t.SessionId, Is.EqualTo(0x42));
        Assert.That(t.ServerMaxMessageSize, Is.EqualTo(256));
        // 600 bytes in payloads of 256 − 16 = 240: Data, Data, DataEnd, with MessageIDs 0xFFFFFF00 + 2k.
        Assert.That(parts.Select(p => (p.Type, p.Parameter, p.Payload.Length)), Is.EqualTo(new[]
        {
            (HiSlipMessageType.Data, HiSlipMessage.FirstMessageId, 240),
            (HiSlipMessageType.Data, HiSlipMessage.FirstMessageId + 2, 240),
            (HiSlipMessageType.DataEnd, HiSlipMessage.FirstMessageId + 4, 120),
        }));
    }
}
