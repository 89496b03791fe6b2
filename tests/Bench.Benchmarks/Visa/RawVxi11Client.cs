using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

using Bench.Visa.Rpc;
using Bench.Visa.Vxi11;

namespace Bench.Benchmarks.Visa;

/// <summary>
/// The leanest VXI-11 client: create_link once, then the same prepared device_write and device_read records repeated
/// over a blocking socket, replies read by size without decoding (see <see cref="RawRoundTrip"/>).
/// </summary>
public static class RawVxi11Client
{
    public static RawRoundTrip Connect(string host, int corePort, string device, string query)
    {
        var socket = RawRoundTrip.ConnectSocket(host, corePort);
        try
        {
            socket.Send(Record(Vxi11Protocol.CreateLink, w => w.Int(1).Bool(false).UInt(10000).String(device)));
            var reply = new XdrReader(ReadRecord(socket));
            _ = reply.UInt(); // xid
            _ = reply.UInt(); // reply
            _ = reply.UInt(); // accepted
            _ = reply.UInt();
            _ = reply.Opaque(400); // verifier
            if (reply.UInt() != RpcProtocol.Success || reply.Int() != Vxi11Protocol.NoError)
            {
                throw new InvalidOperationException($"create_link for '{device}' failed");
            }

            var lid = reply.Int();
            var write = Record(Vxi11Protocol.DeviceWrite, w => w.Int(lid).UInt(2000).UInt(2000).Int(Vxi11Protocol.FlagEnd).Opaque(Encoding.ASCII.GetBytes(query + "\n")));
            var read = Record(Vxi11Protocol.DeviceRead, w => w.Int(lid).UInt(1024).UInt(2000).UInt(2000).Int(Vxi11Protocol.FlagTermCharSet).Int('\n'));
            return RawRoundTrip.Over(socket, write, read);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static byte[] Record(uint procedure, Action<XdrWriter> arguments)
    {
        var w = new XdrWriter();
        RpcProtocol.CallHeader(w, 1, Vxi11Protocol.CoreProgram, Vxi11Protocol.ProgramVersion, procedure);
        arguments(w);
        var record = w.Written.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(record, 0x8000_0000u | (uint)(record.Length - RpcRecord.HeaderBytes));
        return record;
    }

    private static byte[] ReadRecord(Socket socket)
    {
        var header = new byte[RpcRecord.HeaderBytes];
        Fill(socket, header);
        var body = new byte[BinaryPrimitives.ReadUInt32BigEndian(header) & 0x7FFF_FFFF];
        Fill(socket, body);
        return body;
    }

    private static void Fill(Socket socket, Span<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var n = socket.Receive(buffer);
            buffer = buffer[(n > 0 ? n : throw new IOException("the VXI-11 server closed the connection"))..];
        }
    }
}
