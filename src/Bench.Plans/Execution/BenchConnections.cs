using Bench.Core.Time;
using Bench.Dut.Meter;
using Bench.Dut.Records;
using Bench.Instruments.Roles;

namespace Bench.Plans.Execution;

/// <summary>The opened instruments and meter a run drives, and the clock it waits on.</summary>
public sealed record BenchConnections(IThreePhaseSource Source, IReferenceStandard Reference, IMeterUnderTest Meter, IBenchClock Clock)
{
    /// <summary>Where the meter's waveform records are (its SFTP site, a folder), as the bench profile declares; null: none.</summary>
    public IRecordSource? Records { get; init; }
}
