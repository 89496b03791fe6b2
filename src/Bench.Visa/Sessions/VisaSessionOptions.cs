namespace Bench.Visa.Sessions;

/// <summary>How a message session talks: the VISA attributes TMO_VALUE, TERMCHAR(_EN) and SEND_END_EN, in .NET form.</summary>
public sealed record VisaSessionOptions
{
    /// <summary>VI_ATTR_TMO_VALUE: how long one read or write may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a connection may take to open.</summary>
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Appended to every command written as text.</summary>
    public string WriteTermination { get; init; } = "\n";

    /// <summary>A read stops after this byte (VI_ATTR_TERMCHAR with TERMCHAR_EN); null = only END stops it.</summary>
    public byte? ReadTermination { get; init; } = (byte)'\n';

    /// <summary>VI_ATTR_SEND_END_EN: mark the last byte of a write with END where the protocol has one.</summary>
    public bool SendEnd { get; init; } = true;

    /// <summary>Replies longer than this are treated as garbage rather than buffered forever.</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>A vendor VISA library (see <see cref="Vendor.VendorVisaLibrary"/>) that opens every resource instead of Bench's transports.</summary>
    public Vendor.VendorVisaLibrary? VendorLibrary { get; init; }

    /// <summary>Serial line settings for ASRL resources.</summary>
    public SerialSettings Serial { get; init; } = new();
}
