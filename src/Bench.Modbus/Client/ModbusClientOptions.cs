namespace Bench.Modbus.Client;

/// <summary>How patient the client is: per-attempt timeout, and how many more attempts after a timeout or garbled reply.</summary>
public sealed record ModbusClientOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Extra attempts after a timeout or a garbled reply; exception responses are never retried.</summary>
    public int Retries { get; init; } = 2;
}
