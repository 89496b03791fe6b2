using Bench.Core.Results;
using Bench.Reports.Layout;
using Bench.Reports.Text;

using SkiaSharp;

namespace Bench.Reports.Certificate;

/// <summary>
/// The results table: one row per point. Columns that would say the same thing on every row (quantity, phases,
/// frequency) or nothing at all (AL, U, k, TUR) appear only when the run needs them; the method section states the rest.
/// </summary>
internal static class PointsTable
{
    public const string UnconfirmedMark = "(unconfirmed)";

    private sealed record PointColumn(TableColumn Column, Func<PointResult, string> Cell, Func<PointResult, SKColor?>? Color = null);

    public static void Add(DocumentLayout doc, RunRecord run, CertificateOptions options)
    {
        var columns = Columns(run, options);
        var rows = run.Points.Select((p, i) => new TableRow(columns.Select(c => c.Cell(p)).ToList())
        {
            CellColors = columns.Select(c => c.Color?.Invoke(p)).ToList(),
            Background = i % 2 == 1 ? new SKColor(0xf7, 0xf8, 0xfa) : null,
        }).ToList();
        doc.Table(columns.Select(c => c.Column).ToList(), rows);
    }

    private static List<PointColumn> Columns(RunRecord run, CertificateOptions options)
    {
        var points = run.Points;
        bool Varies(Func<PointResult, string> key) => points.Select(key).Distinct(StringComparer.Ordinal).Count() > 1;
        var withUncertainty = points.Any(p => p.UncertaintyPercent is not null || p.Tur is not null);
        var sources = new LimitSources(run);
        var withK = withUncertainty && points.Any(p => p.CoverageFactor is { } k && Math.Abs(k - 2) > 1e-9);

        var columns = new List<PointColumn> { new(new("Point", 1.6f), p => p.Id) };
        if (Varies(p => p.Quantity))
        {
            columns.Add(new(new("Quantity", 1.1f), p => p.Quantity));
        }

        if (Varies(p => p.Setpoint.Phases))
        {
            columns.Add(new(new("Phases", 0.8f), p => p.Setpoint.Phases));
        }

        columns.Add(new(new("U\n(V)", 0.75f, SKTextAlign.Right, NoWrap: true), p => Numbers.Fixed(p.Setpoint.VoltageV, 1)));
        columns.Add(new(new("I\n(A)", 0.8f, SKTextAlign.Right, NoWrap: true), p => Numbers.Current(p.Setpoint.CurrentA)));
        columns.Add(new(new("I/In\n(%)", 0.7f, SKTextAlign.Right, NoWrap: true), p => Numbers.Compact(p.Setpoint.CurrentPercentOfNominal)));
        // A reactive-energy plan gives sin φ instead of a power factor: name the column after what it holds.
        var sines = points.Count > 0 && points.All(p => p.Setpoint.PowerFactor.StartsWith("sin φ", StringComparison.Ordinal));
        columns.Add(new(new(sines ? "sin φ" : "PF", 0.55f, SKTextAlign.Center, NoWrap: true),
            p => sines ? p.Setpoint.PowerFactor["sin φ".Length..].Trim() : p.Setpoint.PowerFactor));
        if (Varies(p => Numbers.Compact(p.Setpoint.FrequencyHz)))
        {
            columns.Add(new(new("f\n(Hz)", 0.6f, SKTextAlign.Right, NoWrap: true), p => Numbers.Fixed(p.Setpoint.FrequencyHz, 2)));
        }

        // Energies in the unit of their quantity (varh for reactive); a run mixing quantities names the unit per cell.
        // Power-quality points carry readings (mHz, V, A…) instead of energies: then each cell names its unit.
        var readings = points.Any(p => p.ReferenceWh is null && p.ReferenceValue is not null);
        var units = points.Select(p => PointText.EnergyUnit(p.Quantity)).Distinct(StringComparer.Ordinal).ToList();
        var unit = units.Count == 1 && !readings ? units[0] : null;
        string Reading(PointResult p, double? energy, double? value) => energy is null && value is not null
            ? Numbers.Energy(value) + " " + p.ValueUnit
            : Numbers.Energy(energy) + (unit is null && energy is not null ? " " + PointText.EnergyUnit(p.Quantity) : "");
        columns.Add(new(new(unit is null ? (readings ? "Reference" : "E ref") : $"E ref\n({unit})", 1f, SKTextAlign.Right, NoWrap: true),
            p => Reading(p, p.ReferenceWh, p.ReferenceValue)));
        columns.Add(new(new(unit is null ? (readings ? "Meter" : "E meter") : $"E meter\n({unit})", 1f, SKTextAlign.Right, NoWrap: true),
            p => Reading(p, p.MeterWh, p.MeterValue)));

        // Errors are in % of reading unless a point says otherwise (mHz, % of Udin…): then every cell names its unit.
        var errorsInPercent = points.All(p => p.ErrorUnit == "%");
        string ErrorUnit(PointResult p) => errorsInPercent ? "" : " " + p.ErrorUnit;
        columns.Add(new(new(errorsInPercent ? "Error\n(%)" : "Error", 0.8f, SKTextAlign.Right, NoWrap: true),
            p => Numbers.Signed(p.ErrorPercent, Numbers.ErrorDecimals(p.LimitPercent)) + (p.ErrorPercent is null ? "" : ErrorUnit(p))));
        columns.Add(new(new(errorsInPercent ? "Limit\n(%)" : "Limit", 1.1f, SKTextAlign.Right, NoWrap: true), p => Limit(p, sources, ErrorUnit(p)), p => p.LimitSource?.Unconfirmed == true ? ReportStyles.WarnAmber : null));
        if (points.Any(p => AcceptanceLimit.Of(p) is not null))
        {
            columns.Add(new(new("AL\n(%)", 0.8f, SKTextAlign.Right), p => AcceptanceLimit.Of(p) is { } al ? "±" + Numbers.Fixed(al, Numbers.ErrorDecimals(p.LimitPercent)) : Numbers.Missing));
        }

        if (withUncertainty)
        {
            columns.Add(new(new(withK ? "U\n(%)" : "U k=2\n(%)", 0.75f, SKTextAlign.Right), p => Numbers.Fixed(p.UncertaintyPercent, Numbers.ErrorDecimals(p.LimitPercent))));
            if (withK)
            {
                columns.Add(new(new("k", 0.6f, SKTextAlign.Right), p => Numbers.Fixed(p.CoverageFactor, 2)));
            }

            bool Low(PointResult p) => p.Tur is { } t && t < options.TurWarning;
            columns.Add(new(new("TUR", 0.8f, SKTextAlign.Right, NoWrap: true),
                p => p.Tur is { } tur ? Numbers.Fixed(tur, 1) + (Low(p) ? " (low)" : "") : Numbers.Missing,
                p => Low(p) ? ReportStyles.WarnAmber : null));
        }

        columns.Add(new(new("Verdict", 1.1f, SKTextAlign.Center), p => p.Verdict.ToWireText(), p => VerdictColor(p.Verdict)));
        return columns;
    }

    private static string Limit(PointResult p, LimitSources sources, string unit)
    {
        var limit = "±" + Numbers.Fixed(Math.Abs(p.LimitPercent), Numbers.ErrorDecimals(p.LimitPercent)) + unit + sources.Reference(p);
        return p.LimitSource?.Unconfirmed == true ? limit + "\n" + UnconfirmedMark : limit;
    }

    public static SKColor VerdictColor(Verdict verdict) => verdict switch
    {
        Verdict.Pass => ReportStyles.PassGreen,
        Verdict.Fail => ReportStyles.FailRed,
        Verdict.ConditionalFail => ReportStyles.FailRed,
        _ => ReportStyles.WarnAmber,
    };
}
