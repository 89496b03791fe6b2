using System.Globalization;

using Bench.Core.Results;
using Bench.Reports.Layout;

using SkiaSharp;

namespace Bench.Reports.Certificate;

/// <summary>Puts the certificate's sections into the layout, in the order a reader checks them.</summary>
internal sealed class CertificateComposer(DocumentLayout doc, RunRecord run, LabIdentity lab, CertificateOptions options, DateTimeOffset issued)
{
    private static readonly TableColumn[] KeyValueColumns = [new("", 1.35f), new("", 4f)];

    private ReportStyles S => doc.Styles;

    public string Number { get; init; } = run.RunId;

    public string Digest { get; init; } = "";

    public void Compose()
    {
        FrontMatter();
        ItemTested();
        Method();
        Equipment();
        var next = ResultsSection.Add(doc, run, options);
        new ConformitySection(doc, run, lab, options, issued).Compose(next);
    }

    private void KeyValues(params (string Key, string Value)[] rows) => KeyValues(null, rows);

    /// <summary>A two-column block without a header; the value in the row keyed <paramref name="highlight"/>'s key gets its colour.</summary>
    private void KeyValues((string Key, SKColor Color)? highlight, params (string Key, string Value)[] rows) =>
        doc.Table(KeyValueColumns, rows.Select(r => new TableRow([r.Key, r.Value])
        {
            CellColors = [ReportStyles.Muted, highlight is { } h && h.Key == r.Key ? h.Color : null],
        }).ToList(), showHeader: false);

    private void FrontMatter()
    {
        doc.Paragraph(options.Title, S.Title);
        doc.Paragraph($"{run.Standard}, accuracy class {run.AccuracyClass}", S.Body.WithColor(ReportStyles.Muted));
        if (options.Replaces is { } replaced)
        {
            doc.Paragraph($"This certificate replaces certificate No. {replaced}, which is withdrawn.", S.BodyBold.WithColor(ReportStyles.WarnAmber));
        }

        doc.Space(4);
        doc.Paragraph(lab.Name, S.BodyBold);
        foreach (var line in lab.Address)
        {
            doc.Paragraph(line, S.Body);
        }

        if (lab.Accreditation.Length > 0)
        {
            doc.Paragraph(lab.Accreditation, S.Small);
        }

        doc.Space(4);
        var verdict = run.Verdict;
        KeyValues(
            ("Overall verdict", ColorOf(verdict)),
            ("Certificate No.", Number),
            ("Date of issue", Numbers.Date(issued)),
            ("Date of test", $"{Numbers.DateTime(run.Started)} to {Numbers.DateTime(run.Finished)}"),
            ("Place of test", Join(lab.Location, run.BenchName.Length > 0 ? "bench: " + run.BenchName : "")),
            ("Customer", options.Customer ?? "not stated"),
            ("Item received", options.ItemReceived is { } received ? Numbers.Date(received) : "not stated"),
            ("Overall verdict", verdict.ToWireText()));
    }

    private void ItemTested()
    {
        var d = run.Dut;
        doc.Heading("1  Item tested");
        KeyValues(
            ("Manufacturer", d.Identity.Manufacturer),
            ("Model", d.Identity.Model),
            ("Serial number", d.Identity.SerialNumber),
            ("Firmware", d.Identity.Firmware),
            ("Accuracy class", d.AccuracyClass),
            ("Ratings", $"Un {Numbers.Compact(d.NominalVoltageV)} V L-N, In {Numbers.Compact(d.NominalCurrentA)} A, " +
                $"Imax {Numbers.Compact(d.MaximumCurrentA)} A, Ist {Numbers.Compact(d.StartingCurrentA * 1000)} mA, " +
                $"fn {Numbers.Compact(d.NominalFrequencyHz)} Hz"),
            ("Profile / connection", Join(d.Profile, d.Resource)));
    }

    private void Method()
    {
        doc.Heading("2  Method");
        var frequencies = run.Points.Select(p => Numbers.Compact(p.Setpoint.FrequencyHz)).Distinct(StringComparer.Ordinal);
        var phases = run.Points.Select(p => p.Setpoint.Phases).Distinct(StringComparer.Ordinal);
        KeyValues(
            ("Test plan", run.PlanName),
            ("Standard and class", $"{run.Standard}, class {run.AccuracyClass}"),
            ("Limits from", new LimitSources(run).Describe()),
            ("Load points", string.Create(CultureInfo.InvariantCulture,
                $"{run.Points.Count} points; f {string.Join(", ", frequencies)} Hz; phases {string.Join(", ", phases)}")),
            ("Measurement", "Energy registered by the meter compared with a reference standard integrated over the same window; " +
                "error = (E meter − E ref) / E ref × 100 %."),
            ("Decision rule", DecisionRuleText(run)),
            ("Test conditions", options.TestConditions ?? "not recorded"),
            ("Deviations from the method", options.Deviations ?? "none"),
            ("Software", SoftwareName(run)),
            ("Results record", $"run {run.RunId}; SHA-256 of results.json {Digest}"));
    }

    /// <summary>The rule as the run states it (run level, or the one rule all its points name); never guessed.</summary>
    internal static string DecisionRuleText(RunRecord run)
    {
        var perPoint = run.Points.Select(p => p.DecisionRule).Where(r => !string.IsNullOrEmpty(r)).Distinct(StringComparer.Ordinal).ToList();
        if (run.DecisionRule.Length > 0)
        {
            return run.DecisionRule;
        }

        return perPoint.Count switch
        {
            0 => "not stated in the run record",
            1 => perPoint[0]!,
            _ => "per point: " + string.Join("; ", perPoint),
        };
    }

    private void Equipment()
    {
        doc.Heading("3  Measuring equipment and traceability");
        var columns = new TableColumn[]
        {
            new("Role", 1.2f), new("Instrument", 1.9f), new("Serial", 1.1f), new("Firmware", 0.9f),
            new("Calibration certificate", 1.5f), new("Calibrated", 0.85f), new("Due", 0.85f),
        };
        var testDate = DateOnly.FromDateTime(run.Started.UtcDateTime);
        var rows = run.Instruments.Select(i =>
        {
            var overdue = i.CalibrationDue is { } due && due < testDate;
            return new TableRow([i.Role, $"{i.Manufacturer} {i.Model}", i.SerialNumber, i.Firmware,
                i.CalibrationCertificate ?? "none stated", Numbers.Date(i.CalibratedOn), Numbers.Date(i.CalibrationDue) + (overdue ? " OVERDUE" : "")])
            {
                CellColors = [null, null, null, null, i.CalibrationCertificate is null ? ReportStyles.WarnAmber : null, null, overdue ? ReportStyles.FailRed : null],
            };
        }).ToList();
        doc.Table(columns, rows);
        doc.Paragraph("Traceability: the reference standard's calibration certificate links its readings to national standards; " +
            "instruments without a stated certificate give no traceability.", S.Small);
    }

    /// <summary>"Bench 1.0.0+abc": the run's software version, named once whether or not it already says "Bench".</summary>
    public static string SoftwareName(RunRecord run) =>
        run.SoftwareVersion.StartsWith("Bench", StringComparison.OrdinalIgnoreCase) ? run.SoftwareVersion
        : run.SoftwareVersion.Length > 0 ? "Bench " + run.SoftwareVersion : "Bench";

    private static string Join(string a, string b) =>
        a.Length == 0 ? b : b.Length == 0 ? a : $"{a}; {b}";

    internal static SKColor ColorOf(Verdict v) => PointsTable.VerdictColor(v);
}
