namespace Bench.Visa.Vendor;

/// <summary>ViStatus values (shared/protocols/visa.md §3): ≥ 0 success or warning, &lt; 0 error.</summary>
public static class VisaStatus
{
    public const int Success = 0;
    public const int SuccessTermChar = 0x3FFF0005;
    public const int SuccessMaxCount = 0x3FFF0006;
    public const int ErrorSystem = unchecked((int)0xBFFF0000);
    public const int ErrorInvalidObject = unchecked((int)0xBFFF000E);
    public const int ErrorResourceLocked = unchecked((int)0xBFFF000F);
    public const int ErrorResourceNotFound = unchecked((int)0xBFFF0011);
    public const int ErrorInvalidResourceName = unchecked((int)0xBFFF0012);
    public const int ErrorTimeout = unchecked((int)0xBFFF0015);
    public const int ErrorNotSupportedAttribute = unchecked((int)0xBFFF001D);
    public const int ErrorIo = unchecked((int)0xBFFF003E);
    public const int ErrorConnectionLost = unchecked((int)0xBFFF00A6);

    public const uint AttrTimeout = 0x3FFF001A;
    public const uint AttrTermChar = 0x3FFF0018;
    public const uint AttrTermCharEnabled = 0x3FFF0038;
    public const uint AttrSendEndEnabled = 0x3FFF0016;
    public const uint AttrAsrlBaud = 0x3FFF0021;
}
