namespace Bench.Reports.Json;

/// <summary>The shape of results.json, schema "bench.results/1" (documented in src/Bench.Reports/README.md).</summary>
internal sealed record ResultsDocument(
    string Schema,
    RunSection Run,
    IReadOnlyList<InstrumentEntry> Instruments,
    DutEntry Dut,
    IReadOnlyList<PointEntry> Points,
    string Verdict);

internal sealed record RunSection(
    string Id,
    string Plan,
    string Standard,
    string Class,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    string? Bench,
    string? DecisionRule,
    string? Software,
    string? AbortReason);

internal sealed record InstrumentEntry(
    string Role,
    string Manufacturer,
    string Model,
    string Serial,
    string Firmware,
    string Resource,
    CalibrationEntry? Calibration);

internal sealed record CalibrationEntry(string? Certificate, DateOnly? Date, DateOnly? Due);

internal sealed record DutEntry(
    string Manufacturer,
    string Model,
    string Serial,
    string Firmware,
    string Profile,
    string Resource,
    RatingsEntry Ratings);

internal sealed record RatingsEntry(
    string Class,
    double NominalCurrentA,
    double MaximumCurrentA,
    double StartingCurrentA,
    double NominalVoltageV,
    double NominalFrequencyHz);
