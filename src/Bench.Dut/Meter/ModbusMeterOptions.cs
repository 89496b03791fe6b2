using Microsoft.Extensions.Logging;

namespace Bench.Dut.Meter;

/// <summary>Optional wiring of a <see cref="ModbusMeter"/>: the bench clock that stamps snapshots, and the transcript logger.</summary>
public sealed record ModbusMeterOptions
{
    /// <summary>Bench time; on the virtual bench the executor's fake clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ILogger? Logger { get; init; }
}
