namespace Bench.Plans.Model;

/// <summary>
/// Which instruments make up a bench, where they are reached, and where the meter under test is wired.
/// A resource of "virtual" means: start Bench's own simulator for this role.
/// </summary>
public sealed record BenchProfile(string Name, BenchInstrument Source, BenchInstrument Reference, string MeterResource)
{
    public const string Virtual = "virtual";

    public string File { get; init; } = "";

    /// <summary>
    /// Where the meter's waveform records are (`meter: records:`): an sftp:// site or a folder; null: not declared,
    /// and events points say "records: not checked" (harmonic points from waveforms stay INCOMPLETE).
    /// </summary>
    public string? MeterRecords { get; init; }

    /// <summary>The bench's nominal point, where `bench sim --energize` switches the source on.</summary>
    public double NominalVoltageV { get; init; } = 230;

    public double NominalCurrentA { get; init; } = 5;

    public double NominalFrequencyHz { get; init; } = 50;

    public bool IsVirtual => Source.Resource == Virtual || Reference.Resource == Virtual || MeterResource == Virtual;
}
