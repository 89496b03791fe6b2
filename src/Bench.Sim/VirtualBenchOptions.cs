using Bench.Instruments.Profiles;
using Bench.Sim.Meter;

namespace Bench.Sim;

/// <summary>How to build a virtual bench: the simulated meter's identity and error, the grid's nominal frequency, the start of virtual time.</summary>
public sealed record VirtualBenchOptions
{
    public SimulatedMeterOptions Meter { get; init; } = new();

    public double NominalFrequencyHz { get; init; } = 50;

    /// <summary>Start of virtual time; null = now.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>
    /// Run on the wall clock instead of virtual time: for `bench sim`, where outside clients (pyvisa, mbpoll, a lab's
    /// own software) pace the run and nobody advances a virtual clock.
    /// </summary>
    public bool RealTime { get; init; }

    /// <summary>The dialect the simulated source speaks (default: Bench's own simulator profile).</summary>
    public InstrumentProfile? SourceProfile { get; init; }

    /// <summary>
    /// The simulated meter writes a COMTRADE record of each event into a folder of the bench's own (unless
    /// <see cref="SimulatedMeterOptions.RecordFolder"/> names one), offered as <see cref="VirtualBench.Records"/>; the
    /// bench's own folder is deleted with it. False: records are written only where RecordFolder says.
    /// </summary>
    public bool ServeRecords { get; init; } = true;

    /// <summary>The dialect the simulated reference standard speaks (default: Bench's own simulator profile).</summary>
    public InstrumentProfile? ReferenceProfile { get; init; }
}
