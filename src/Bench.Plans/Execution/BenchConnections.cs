using Bench.Core.Time;
using Bench.Dut.Meter;
using Bench.Instruments.Roles;

namespace Bench.Plans.Execution;

/// <summary>The opened instruments and meter a run drives, and the clock it waits on.</summary>
public sealed record BenchConnections(IThreePhaseSource Source, IReferenceStandard Reference, IMeterUnderTest Meter, IBenchClock Clock);
