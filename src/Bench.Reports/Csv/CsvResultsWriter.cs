using System.Globalization;
using System.Text;

using Bench.Core.Results;
using Bench.Reports.Files;

namespace Bench.Reports.Csv;

/// <summary>
/// One row per point, RFC 4180 (comma separator, CRLF, quotes doubled), invariant culture, numbers in round-trip form,
/// empty cells for missing values, UTF-8 without BOM. Column names follow results.json's keys.
/// </summary>
public static class CsvResultsWriter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "runId", "id", "test", "quantity", "voltageV", "currentA", "currentPercentOfNominal", "powerFactor", "frequencyHz", "phases",
        "referenceWh", "meterWh", "referenceValue", "meterValue", "valueUnit", "errorPercent", "errorUnit", "limitPercent", "uncertaintyPercent", "coverageFactor", "tur", "repeats",
        "standardDeviationPercent", "verdict",
        "limitStandard", "limitClause", "limitUnconfirmed", "decisionRule", "durationS", "reason",
    ];

    public static void Write(RunRecord run, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.WriteAllText(path, ToCsv(run));
    }

    public static string ToCsv(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sb = new StringBuilder();
        AppendRow(sb, Columns);
        foreach (var p in run.Points)
        {
            var s = p.Setpoint;
            AppendRow(sb,
            [
                run.RunId, p.Id, p.Test, p.Quantity, Num(s.VoltageV), Num(s.CurrentA), Num(s.CurrentPercentOfNominal), s.PowerFactor,
                Num(s.FrequencyHz), s.Phases, Num(p.ReferenceWh), Num(p.MeterWh), Num(p.ReferenceValue), Num(p.MeterValue), p.ValueUnit,
                Num(p.ErrorPercent), p.ErrorUnit, Num(p.LimitPercent),
                Num(p.UncertaintyPercent), Num(p.CoverageFactor), Num(p.Tur), p.Repeats.ToString(CultureInfo.InvariantCulture),
                Num(p.StandardDeviationPercent), p.Verdict.ToWireText(), p.LimitSource?.Standard, p.LimitSource?.Clause,
                p.LimitSource is null ? null : p.LimitSource.Unconfirmed ? "true" : "false", p.DecisionRule, Num(p.DurationS), p.Reason,
            ]);
        }

        return sb.ToString();
    }

    private static string? Num(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : null;

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(Quote(cells[i] ?? ""));
        }

        sb.Append("\r\n");
    }

    // RFC 4180: a cell holding a separator, a quote or a line break is quoted, its quotes doubled.
    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
