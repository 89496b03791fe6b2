namespace Bench.Visa.Resources;

/// <summary>The interface keyword that opens a VISA resource name.</summary>
public enum VisaInterface
{
    Tcpip,
    Asrl,
    Gpib,
    Usb,
}
