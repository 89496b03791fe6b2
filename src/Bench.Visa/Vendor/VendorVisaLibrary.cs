using System.Runtime.InteropServices;
using System.Text;

using Bench.Core.Errors;

namespace Bench.Visa.Vendor;

/// <summary>
/// A vendor VISA library (NI-VISA libvisa.so, R&amp;S librsvisa.so, Keysight libiovisa.so, visa64.dll) loaded at run time
/// from the path a bench profile gives, bound by function pointer: viOpenDefaultRM, viOpen, viClose, viRead, viWrite,
/// viSetAttribute, viGetAttribute, viStatusDesc, viClear, viReadSTB. One default resource manager per library.
/// </summary>
public sealed unsafe class VendorVisaLibrary : IDisposable
{
    private static readonly string[] KnownNames =
    [
        "/usr/lib/x86_64-linux-gnu/libvisa.so", "/usr/local/vxipnp/linux/lib64/libvisa.so", "librsvisa.so", "libiovisa.so", "libvisa.so",
        "visa64.dll", "visa32.dll",
    ];

    private readonly nint _handle;
    private readonly delegate* unmanaged[Cdecl]<uint*, int> _openDefaultRm;
    private readonly delegate* unmanaged[Cdecl]<uint, byte*, uint, uint, uint*, int> _open;
    private readonly delegate* unmanaged[Cdecl]<uint, int> _close;
    private readonly delegate* unmanaged[Cdecl]<uint, byte*, uint, uint*, int> _read;
    private readonly delegate* unmanaged[Cdecl]<uint, byte*, uint, uint*, int> _write;
    private readonly delegate* unmanaged[Cdecl]<uint, uint, nuint, int> _setAttribute;
    private readonly delegate* unmanaged[Cdecl]<uint, uint, void*, int> _getAttribute;
    private readonly delegate* unmanaged[Cdecl]<uint, int, byte*, int> _statusDesc;
    private readonly delegate* unmanaged[Cdecl]<uint, int> _clear;
    private readonly delegate* unmanaged[Cdecl]<uint, ushort*, int> _readStb;
    private uint _resourceManager;

    private VendorVisaLibrary(string path, nint handle)
    {
        Path = path;
        _handle = handle;
        _openDefaultRm = (delegate* unmanaged[Cdecl]<uint*, int>)Export("viOpenDefaultRM");
        _open = (delegate* unmanaged[Cdecl]<uint, byte*, uint, uint, uint*, int>)Export("viOpen");
        _close = (delegate* unmanaged[Cdecl]<uint, int>)Export("viClose");
        _read = (delegate* unmanaged[Cdecl]<uint, byte*, uint, uint*, int>)Export("viRead");
        _write = (delegate* unmanaged[Cdecl]<uint, byte*, uint, uint*, int>)Export("viWrite");
        _setAttribute = (delegate* unmanaged[Cdecl]<uint, uint, nuint, int>)Export("viSetAttribute");
        _getAttribute = (delegate* unmanaged[Cdecl]<uint, uint, void*, int>)Export("viGetAttribute");
        _statusDesc = (delegate* unmanaged[Cdecl]<uint, int, byte*, int>)Export("viStatusDesc");
        _clear = (delegate* unmanaged[Cdecl]<uint, int>)Export("viClear");
        _readStb = (delegate* unmanaged[Cdecl]<uint, ushort*, int>)Export("viReadSTB");
    }

    public string Path { get; }

    /// <summary>Loads the library; a missing file or missing entry point is a <see cref="BenchInputException"/> naming the path.</summary>
    public static VendorVisaLibrary Load(string path)
    {
        if (!NativeLibrary.TryLoad(path, out var handle))
        {
            throw new BenchInputException(path, "cannot load the VISA library (not found, or not built for this process's architecture)");
        }

        try
        {
            var library = new VendorVisaLibrary(path, handle);
            uint rm;
            var status = library._openDefaultRm(&rm);
            if (status < 0)
            {
                throw new BenchInputException(path, $"viOpenDefaultRM failed: {library.Describe(0, status)}");
            }

            library._resourceManager = rm;
            return library;
        }
        catch (EntryPointNotFoundException ex)
        {
            NativeLibrary.Free(handle);
            throw new BenchInputException(path, "not a VISA library: " + ex.Message, ex);
        }
    }

    /// <summary>The first vendor library found in the usual places, or null.</summary>
    public static string? Locate() => KnownNames.FirstOrDefault(n => NativeLibrary.TryLoad(n, out var h) && Free(h));

    public int Open(string resource, uint openTimeoutMs, out uint session)
    {
        var name = Encoding.ASCII.GetBytes(resource + "\0");
        uint vi;
        int status;
        fixed (byte* p = name)
        {
            status = _open(_resourceManager, p, 0, openTimeoutMs, &vi);
        }

        session = vi;
        return status;
    }

    public int Close(uint session) => _close(session);

    public int Write(uint session, ReadOnlySpan<byte> data, out uint written)
    {
        uint n;
        int status;
        fixed (byte* p = data)
        {
            status = _write(session, p, (uint)data.Length, &n);
        }

        written = n;
        return status;
    }

    public int Read(uint session, Span<byte> buffer, out uint read)
    {
        uint n;
        int status;
        fixed (byte* p = buffer)
        {
            status = _read(session, p, (uint)buffer.Length, &n);
        }

        read = n;
        return status;
    }

    public int SetAttribute(uint session, uint attribute, ulong value) => _setAttribute(session, attribute, (nuint)value);

    public int GetAttribute(uint session, uint attribute, out ulong value)
    {
        ulong v = 0;
        var status = _getAttribute(session, attribute, &v);
        value = v;
        return status;
    }

    public int Clear(uint session) => _clear(session);

    public int ReadStatusByte(uint session, out ushort stb)
    {
        ushort s;
        var status = _readStb(session, &s);
        stb = s;
        return status;
    }

    /// <summary>viStatusDesc's text for a status, e.g. "VI_ERROR_TMO: Timeout expired before operation completed."</summary>
    public string Describe(uint session, int status)
    {
        var buffer = stackalloc byte[256];
        buffer[0] = 0;
        if (_statusDesc(session == 0 ? _resourceManager : session, status, buffer) < 0 || buffer[0] == 0)
        {
            return $"VISA status 0x{status:X8}";
        }

        return Marshal.PtrToStringAnsi((nint)buffer) ?? $"VISA status 0x{status:X8}";
    }

    public void Dispose()
    {
        if (_resourceManager != 0)
        {
            _close(_resourceManager);
            _resourceManager = 0;
        }

        NativeLibrary.Free(_handle);
    }

    private nint Export(string name) =>
        NativeLibrary.TryGetExport(_handle, name, out var address) ? address : throw new EntryPointNotFoundException($"{Path} has no {name}");

    private static bool Free(nint handle)
    {
        NativeLibrary.Free(handle);
        return true;
    }
}
