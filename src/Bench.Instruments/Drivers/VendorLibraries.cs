using System.Collections.Concurrent;

using Bench.Visa.Vendor;

namespace Bench.Instruments.Drivers;

/// <summary>Vendor VISA libraries loaded once per path for the life of the process (a library keeps one default resource manager).</summary>
internal static class VendorLibraries
{
    private static readonly ConcurrentDictionary<string, Lazy<VendorVisaLibrary>> Loaded = new(StringComparer.Ordinal);

    public static VendorVisaLibrary Get(string path) => Loaded.GetOrAdd(path, p => new Lazy<VendorVisaLibrary>(() => VendorVisaLibrary.Load(p))).Value;
}
