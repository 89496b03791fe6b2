namespace Bench.Visa.Scpi;

/// <summary>The SCPI conventions of one instrument: its error query, what "no error" looks like, the *OPC? timeout.</summary>
public sealed record ScpiSessionOptions
{
    /// <summary>SYSTem:ERRor? on SCPI instruments; Yokogawa uses :STATus:ERRor?.</summary>
    public string? ErrorQuery { get; init; } = "SYST:ERR?";

    /// <summary>Stops draining after this many entries (a queue that never empties is itself a fault).</summary>
    public int MaxErrorsPerDrain { get; init; } = 32;

    /// <summary>*OPC? may block as long as the instrument settles.</summary>
    public TimeSpan OperationCompleteTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
