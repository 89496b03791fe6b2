using Bench.Core.Errors;
using Bench.Core.Yaml;


namespace Bench.Dut.Profiles;

/// <summary>
/// A meter model as the bench needs it: ratings (In, Imax, Ist, voltage range, class) for test-point generation, and its
/// Modbus register map (instantaneous quantities, energy counters, identity, polling limits). Loaded from YAML in
/// fixtures/dut, validated with file:line:col messages; the JSON Schema next to the profiles documents the same shape.
/// </summary>
public sealed class DutProfile
{
    internal DutProfile()
    {
    }

    public required string Name { get; init; }

    public required string Manufacturer { get; init; }

    public required string Model { get; init; }

    /// <summary>Accuracy class as written on the meter, e.g. "0.2S".</summary>
    public required string AccuracyClass { get; init; }

    /// <summary>The standard the class refers to, e.g. "IEC 62053-22".</summary>
    public required string AccuracyStandard { get; init; }

    /// <summary>In (or Ib for direct-connected meters).</summary>
    public required double NominalCurrentA { get; init; }

    public required double MaximumCurrentA { get; init; }

    /// <summary>Ist, the starting current.</summary>
    public required double StartingCurrentA { get; init; }

    public required double NominalVoltageV { get; init; }

    public required double MinimumVoltageV { get; init; }

    public required double MaximumVoltageV { get; init; }

    public required double NominalFrequencyHz { get; init; }

    public required int MeasuringElements { get; init; }

    public required ModbusSettings Modbus { get; init; }

    public required IdentityMap Identity { get; init; }

    /// <summary>Instantaneous quantities by what they measure.</summary>
    public required IReadOnlyDictionary<MeterQuantity, RegisterPoint> Registers { get; init; }

    /// <summary>
    /// The registers of a per-phase quantity (L1, L2, L3 in order) on this meter's measuring elements; null when the
    /// profile leaves any of them unmapped.
    /// </summary>
    public IReadOnlyList<RegisterPoint>? PerPhaseRegisters(IReadOnlyList<MeterQuantity> l1ToL3)
    {
        var phases = l1ToL3.Take(MeasuringElements).ToList();
        return phases.All(Registers.ContainsKey) ? phases.Select(q => Registers[q]).ToList() : null;
    }

    /// <summary>Energy counters in profile order; the first one of a quantity is the one readings use.</summary>
    public required IReadOnlyList<EnergyCounter> EnergyCounters { get; init; }

    /// <summary>The PQ event log, when the meter exposes one over Modbus.</summary>
    public EventLogMap? EventLog { get; init; }

    /// <summary>Meter constant of the pulse output in impulses per kWh, for the pulse error method; null = no pulse output.</summary>
    public double? PulseConstantImpPerKwh { get; init; }

    /// <summary>Error model and faults for the simulated meter built from this profile (empty for a real meter's profile).</summary>
    public required SimulationSettings Simulation { get; init; }

    /// <summary>The file the profile came from.</summary>
    public required string SourcePath { get; init; }

    public EnergyCounter? Energy(EnergyQuantity quantity) => EnergyCounters.FirstOrDefault(c => c.Quantity == quantity);

    /// <summary>Every register the profile maps, for read planning and for the simulator's address space.</summary>
    public IEnumerable<RegisterPoint> AllPoints =>
        Registers.Values
            .Concat(EnergyCounters.Select(c => c.Point))
            .Concat(new[] { Identity.Manufacturer, Identity.Model, Identity.SerialNumber, Identity.Firmware }.Select(f => f.Point).OfType<RegisterPoint>());

    /// <summary>Reads and validates a YAML profile. Every problem is a <see cref="BenchInputException"/> at path:line:col.</summary>
    public static DutProfile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BenchInputException(path, $"cannot read the DUT profile: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses profile text; <paramref name="path"/> names it in messages.</summary>
    public static DutProfile Parse(string yaml, string path) => DutProfileReader.Read(YamlMap.Parse(yaml, path, "a DUT profile (a YAML mapping)"));
}
