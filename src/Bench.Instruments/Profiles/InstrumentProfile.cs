using System.Text.RegularExpressions;

using Bench.Core.Errors;

namespace Bench.Instruments.Profiles;

/// <summary>
/// One instrument model as instruments/*.yaml describes it (schema: instruments/instrument-profile.schema.json):
/// identity, transport, command templates, ranges, accuracy, settling, safe state and watchdog.
/// </summary>
public sealed class InstrumentProfile
{
    public const string SourceRole = "source";
    public const string ReferenceRole = "reference";

    public required string Path { get; init; }

    public required string Name { get; init; }

    public required string Manufacturer { get; init; }

    public required string Model { get; init; }

    /// <summary>"source", "reference".</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>False when the commands were not checked against the maker's manual (the file header says so too).</summary>
    public bool CheckedAgainstManual { get; init; }

    public string? Verification { get; init; }

    /// <summary>Matched against the *IDN? reply; named groups serial and firmware are used when present.</summary>
    public required Regex IdentityPattern { get; init; }

    public ProfileTransport Transport { get; init; } = new();

    /// <summary>The error-queue query; null when the instrument has none (then nothing is drained).</summary>
    public string? ErrorQuery { get; init; } = "SYST:ERR?";

    public IReadOnlyList<string> Init { get; init; } = [];

    /// <summary>Commands that put the instrument into its safe state (outputs off); sent from every finally.</summary>
    public IReadOnlyList<string> SafeState { get; init; } = [];

    public WatchdogSpec? Watchdog { get; init; }

    /// <summary>Time to wait after a new setpoint before measuring, in seconds.</summary>
    public double? SettleTimeS { get; init; }

    /// <summary>Whether the instrument answers *OPC? once it has settled.</summary>
    public bool UseOperationComplete { get; init; } = true;

    public int Phases { get; init; } = 3;

    public IReadOnlyDictionary<string, CommandTemplate> Commands { get; init; } = new Dictionary<string, CommandTemplate>();

    public IReadOnlyList<RangeSpec> VoltageRanges { get; init; } = [];

    public IReadOnlyList<RangeSpec> CurrentRanges { get; init; } = [];

    public RangeSpec? FrequencyRange { get; init; }

    /// <summary>Energy accuracy for the uncertainty budget (reference standards; sources that double as one).</summary>
    public AccuracySpec? EnergyAccuracy { get; init; }

    /// <summary>Active-power accuracy, when the maker states one separately from energy.</summary>
    public AccuracySpec? PowerAccuracy { get; init; }

    public MeasurementSpec? Measurement { get; init; }

    public EnergySpec? Energy { get; init; }

    /// <summary>THD per phase (reference standards that measure harmonics); null when the profile has no 'thd' section.</summary>
    public ThdSpec? Thd { get; init; }

    /// <summary>Pulse-input counting (reference standards with a pulse input).</summary>
    public PulseSpec? Pulse { get; init; }

    /// <summary>Dips, swells and interruptions (sources with list/transient modes).</summary>
    public VoltageEventSpec? VoltageEvent { get; init; }

    /// <summary>Voltage-event detection (reference standards that log dips, swells and interruptions themselves).</summary>
    public EventRecorderSpec? Events { get; init; }

    /// <summary>False for voltage-only AC sources (no current channels: set_current absent).</summary>
    public bool HasCurrentOutput => Commands.ContainsKey("set_current");

    /// <summary>What a simulator of this model answers to *IDN?; {serial} is replaced.</summary>
    public string? SimulatedIdentity { get; init; }

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    public CommandTemplate? Command(string name) => Commands.TryGetValue(name, out var t) ? t : null;

    /// <summary>Reads and validates a profile; every problem is a <see cref="BenchInputException"/> "path:line:col: reason".</summary>
    public static InstrumentProfile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BenchInputException(path, "cannot read instrument profile: " + ex.Message, ex);
        }

        return ProfileReader.Read(path, text);
    }

    public static InstrumentProfile Parse(string yaml, string path = "(profile)") => ProfileReader.Read(path, yaml);

    /// <summary>
    /// A profile shipped with Bench, e.g. "bench-sim-source.yaml": looked up in instruments/ next to the executable, then
    /// in each parent folder up to one holding Bench.sln or an instruments folder.
    /// </summary>
    public static string FindShipped(string fileName) => ShippedFiles.Find("instruments", fileName);

    public static InstrumentProfile LoadShipped(string fileName) => Load(FindShipped(fileName));
}
