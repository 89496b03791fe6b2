using System.Globalization;
using System.Text;

using Bench.Core.Results;
using Bench.Reports.Text;

namespace Bench.Reports.Comparison;

/// <summary>Markdown (for a merge request or CI summary) and plain aligned text (for a terminal) of a comparison.</summary>
internal static class ComparisonRenderer
{
    private static readonly string[] Headers = ["Point", "I (% In)", "PF", "Limit (%)", "Baseline (%)", "Candidate (%)", "Drift (%)", "Drift/limit", "Verdict"];

    public static string Markdown(ComparisonResult r)
    {
        var sb = new StringBuilder();
        sb.Append("# Run comparison\n\n");
        sb.Append("| | Run | DUT serial | Firmware | Software | Verdict |\n|---|---|---|---|---|---|\n");
        foreach (var (label, s) in new[] { ("Baseline", r.Baseline), ("Candidate", r.Candidate) })
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {label} | {Esc(s.RunId)} | {Esc(s.DutSerial)} | {Esc(s.DutFirmware)} | {Esc(s.Software)} | {s.Verdict.ToWireText()} |\n");
        }

        sb.Append('\n').Append(Summary(r)).Append("\n\n");
        foreach (var w in r.Warnings)
        {
            sb.Append("> Warning: ").Append(Esc(w)).Append('\n');
        }

        if (r.Warnings.Count > 0)
        {
            sb.Append('\n');
        }

        sb.Append("| ").Append(string.Join(" | ", Headers)).Append(" |\n");
        sb.Append("|---|---:|---|---:|---:|---:|---:|---:|---|\n");
        foreach (var row in Rows(r))
        {
            sb.Append("| ").Append(string.Join(" | ", row.Select(Esc))).Append(" |\n");
        }

        return sb.ToString();
    }

    public static string Text(ComparisonResult r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"baseline  {r.Baseline.RunId}  serial {r.Baseline.DutSerial}  firmware {r.Baseline.DutFirmware}  {r.Baseline.Verdict.ToWireText()}\n");
        sb.Append(CultureInfo.InvariantCulture, $"candidate {r.Candidate.RunId}  serial {r.Candidate.DutSerial}  firmware {r.Candidate.DutFirmware}  {r.Candidate.Verdict.ToWireText()}\n");
        sb.Append(Summary(r)).Append('\n');
        foreach (var w in r.Warnings)
        {
            sb.Append("warning: ").Append(w).Append('\n');
        }

        var rows = Rows(r).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(i => rows.Max(row => row[i].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => i is 0 or 2 or 8 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            sb.Append(string.Join("  ", cells).TrimEnd()).Append('\n');
        }

        return sb.ToString();
    }

    private static string Summary(ComparisonResult r)
    {
        var max = r.MaxDrift;
        var maxText = max is null ? "no point measured in both runs" : $"largest drift {PointText.Signed(max.DriftPercent)} % at {max.Id}";
        var verdict = r.Clean ? "no regression" : "REVIEW";
        return string.Create(CultureInfo.InvariantCulture,
            $"{verdict}: {r.Points.Count} points, {r.Regressions.Count()} regressed, {r.Improvements.Count()} improved, " +
            $"{r.Points.Count(p => p.Change == VerdictChange.Undecided)} undecided, {r.Points.Count(p => p.Change == VerdictChange.Added)} added, " +
            $"{r.Points.Count(p => p.Change == VerdictChange.Removed)} removed, {r.LargeDrifts.Count()} drifted ≥ {r.Options.DriftWarningFractionOfLimit:0.##} of limit; {maxText}.");
    }

    private static IEnumerable<string[]> Rows(ComparisonResult r) => r.Points.Select(p => new[]
    {
        p.Id,
        p.Setpoint.CurrentPercentOfNominal.ToString("0.###", CultureInfo.InvariantCulture),
        p.Setpoint.PowerFactor,
        "±" + PointText.Number(Math.Abs(p.LimitPercent)),
        PointText.Signed(p.BaselineErrorPercent),
        PointText.Signed(p.CandidateErrorPercent),
        PointText.Signed(p.DriftPercent),
        p.DriftFractionOfLimit is { } f ? f.ToString("0.00", CultureInfo.InvariantCulture) + (p.LargeDrift ? " !" : "") : "n/a",
        VerdictCell(p),
    });

    private static string VerdictCell(PointDrift p)
    {
        var before = p.BaselineVerdict?.ToWireText() ?? "—";
        var after = p.CandidateVerdict?.ToWireText() ?? "—";
        var setpoint = p.SetpointChanged ? " (setpoint changed)" : "";
        return p.Change switch
        {
            VerdictChange.Same => after + setpoint,
            VerdictChange.Regressed => $"{before} → {after} (regressed){setpoint}",
            VerdictChange.Improved => $"{before} → {after} (improved){setpoint}",
            VerdictChange.Added => $"{after} (new point)",
            VerdictChange.Removed => $"{before} (missing in candidate)",
            _ => $"{before} → {after}{setpoint}",
        };
    }

    private static string Esc(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
