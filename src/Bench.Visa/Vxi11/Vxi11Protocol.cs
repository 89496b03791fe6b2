namespace Bench.Visa.Vxi11;

/// <summary>VXI-11 program numbers, procedures, flags, read reasons and error codes (shared/protocols/vxi11-hislip.md §2).</summary>
public static class Vxi11Protocol
{
    public const uint CoreProgram = 0x0607AF;
    public const uint AbortProgram = 0x0607B0;
    public const uint InterruptProgram = 0x0607B1;
    public const uint ProgramVersion = 1;

    public const uint DeviceAbort = 1;
    public const uint CreateLink = 10;
    public const uint DeviceWrite = 11;
    public const uint DeviceRead = 12;
    public const uint DeviceReadStb = 13;
    public const uint DeviceTrigger = 14;
    public const uint DeviceClear = 15;
    public const uint DeviceRemote = 16;
    public const uint DeviceLocal = 17;
    public const uint DeviceLock = 18;
    public const uint DeviceUnlock = 19;
    public const uint DeviceEnableSrq = 20;
    public const uint DeviceDoCmd = 22;
    public const uint DestroyLink = 23;
    public const uint CreateInterruptChannel = 25;
    public const uint DestroyInterruptChannel = 26;

    public const int FlagWaitLock = 1;
    public const int FlagEnd = 8;
    public const int FlagTermCharSet = 128;

    public const int ReasonRequestCount = 1;
    public const int ReasonTermChar = 2;
    public const int ReasonEnd = 4;

    public const int NoError = 0;
    public const int SyntaxError = 1;
    public const int DeviceNotAccessible = 3;
    public const int InvalidLinkIdentifier = 4;
    public const int ParameterError = 5;
    public const int OperationNotSupported = 8;
    public const int OutOfResources = 9;
    public const int DeviceLockedByAnotherLink = 11;
    public const int NoLockHeldByThisLink = 12;
    public const int IoTimeout = 15;
    public const int IoError = 17;
    public const int Abort = 23;

    public static string Describe(int error) => error switch
    {
        SyntaxError => "syntax error",
        DeviceNotAccessible => "device not accessible",
        InvalidLinkIdentifier => "invalid link identifier",
        ParameterError => "parameter error",
        OperationNotSupported => "operation not supported",
        OutOfResources => "out of resources",
        DeviceLockedByAnotherLink => "device locked by another link",
        NoLockHeldByThisLink => "no lock held by this link",
        IoTimeout => "I/O timeout",
        IoError => "I/O error",
        Abort => "aborted",
        _ => $"VXI-11 error {error}",
    };
}
