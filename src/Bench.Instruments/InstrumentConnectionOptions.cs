using Bench.Visa.Scpi;

namespace Bench.Instruments;

/// <summary>How the bench reaches an instrument beyond its resource name: a vendor VISA library, a transcript sink, a timeout.</summary>
public sealed record InstrumentConnectionOptions
{
    /// <summary>Path of a vendor VISA library (libvisa.so, librsvisa.so, visa64.dll) that opens the resource instead of Bench's transports; needed for GPIB and USB-TMC.</summary>
    public string? VendorVisaLibrary { get; init; }

    /// <summary>Receives every line sent and received (for the run journal), from the first *IDN? on.</summary>
    public Action<TranscriptEntry>? Transcript { get; init; }

    /// <summary>Overrides the profile's I/O timeout.</summary>
    public TimeSpan? Timeout { get; init; }
}
