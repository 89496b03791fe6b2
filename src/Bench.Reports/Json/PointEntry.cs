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
    double? DurationS);

internal sealed record SetpointEntry(
    double VoltageV,
    double CurrentA,
    string PowerFactor,
    double FrequencyHz,
    double CurrentPercentOfNominal,
    string Phases);

internal sealed record LimitSourceEntry(string Standard, string Clause, bool Unconfirmed);
