namespace Bench.Reports.Json;

/// <summary>One point of results.json. Measured values are null when the point is INCOMPLETE; <see cref="Reason"/> says why.</summary>
internal sealed record PointEntry(
    string Id,
    string Quantity,
    SetpointEntry Setpoint,
    double? ReferenceWh,
    double? MeterWh,
    double? ErrorPercent,
    double LimitPercent,
    string Verdict,
    string? Reason,
    LimitSourceEntry? LimitSource,
    double? UncertaintyPercent,
    double? Tur,
    string? DecisionRule,
    double? DurationS,
    int Repeats = 1,
    double? StandardDeviationPercent = null,
    double? CoverageFactor = null,
    IReadOnlyList<BudgetLineEntry>? Budget = null,
    string Test = "accuracy",
    string ErrorUnit = "%",
    double? ReferenceValue = null,
    double? MeterValue = null,
    string? ValueUnit = null);

internal sealed record SetpointEntry(
    double VoltageV,
    double CurrentA,
    string PowerFactor,
    double FrequencyHz,
    double CurrentPercentOfNominal,
    string Phases);

internal sealed record LimitSourceEntry(string Standard, string Clause, bool Unconfirmed);

/// <summary>One line of a point's GUM budget: relative values in percent.</summary>
internal sealed record BudgetLineEntry(string Name, string Type, string Distribution, double StatedPercent, double StandardUncertaintyPercent);
