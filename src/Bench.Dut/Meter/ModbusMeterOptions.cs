using Microsoft.Extensions.Logging;

namespace Bench.Dut.Meter;

/// <summary>Optional wiring of a <see cref="ModbusMeter"/>: the bench clock that stamps snapshots, the transcript logger, patience.</summary>
public sealed record ModbusMeterOptions
{
    /// <summary>Bench time; on the virtual bench the executor's fake clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Transcript at Debug level (every request and response PDU).</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Overrides the profile's per-attempt timeout (e.g. a slow gateway); null = the profile's.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Overrides the profile's retry count; null = the profile's.</summary>
    public int? Retries { get; init; }
}
