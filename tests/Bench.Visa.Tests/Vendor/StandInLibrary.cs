using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Bench.Visa.Tests.Vendor;

/// <summary>Builds standin_visa.c with the system C compiler once per test run and maps resource names inside it.</summary>
internal static unsafe class StandInLibrary
{
    private static readonly Lazy<string> BuiltPath = new(Build);

    public static string Path => BuiltPath.Value;

    /// <summary>Routes a resource name (e.g. GPIB0::22::INSTR) to a TCP SCPI socket, through the library's own export.</summary>
    public static void Map(string resource, string host, int port)
    {
        var handle = NativeLibrary.Load(Path);
        var map = (delegate* unmanaged[Cdecl]<byte*, byte*, int, int>)NativeLibrary.GetExport(handle, "StandinMapResource");
        var r = System.Text.Encoding.ASCII.GetBytes(resource + "\0");
        var h = System.Text.Encoding.ASCII.GetBytes(host + "\0");
        fixed (byte* pr = r)
        fixed (byte* ph = h)
        {
            if (map(pr, ph, port) < 0)
            {
                throw new InvalidOperationException("stand-in resource map is full");
            }
        }
    }

    private static string Build()
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Vendor", "standin_visa.c");
        var output = System.IO.Path.Combine(Directory.CreateTempSubdirectory("bench-standin-").FullName, "libstandinvisa.so");
        var psi = new ProcessStartInfo("gcc") { RedirectStandardError = true };
        foreach (var a in new[] { "-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-o", output, source })
        {
            psi.ArgumentList.Add(a);
        }

        using var gcc = Process.Start(psi)!;
        var errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        return gcc.ExitCode == 0 ? output : throw new InvalidOperationException("gcc failed: " + errors);
    }
}
