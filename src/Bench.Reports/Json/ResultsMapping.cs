using Bench.Core.Errors;
using Bench.Core.Identity;
using Bench.Core.Results;

namespace Bench.Reports.Json;

/// <summary>Maps between the Core run record and the results.json document, in both directions.</summary>
internal static class ResultsMapping
{
    public const string Schema = "bench.results/1";

    public static ResultsDocument ToDocument(RunRecord run) => new(
        Schema,
        new RunSection(run.RunId, run.PlanName, run.Standard, run.AccuracyClass, run.Started, run.Finished,
            run.BenchName, run.DecisionRule, run.SoftwareVersion, run.AbortReason),
        run.Instruments.Select(ToEntry).ToList(),
        ToEntry(run.Dut),
        run.Points.Select(ToEntry).ToList(),
        run.Verdict.ToWireText());

    public static RunRecord ToRecord(ResultsDocument doc, string location)
    {
        if (doc.Schema != Schema)
        {
            throw new BenchInputException(location, $"schema is \"{doc.Schema}\", expected \"{Schema}\"");
        }

        var points = doc.Points.Select((p, i) => ToPoint(p, $"{location}: points[{i}]")).ToList();
        return new RunRecord(doc.Run.Id, doc.Run.Plan, doc.Run.Standard, doc.Run.Class, doc.Run.Started, doc.Run.Finished,
            doc.Instruments.Select(ToIdentity).ToList(), ToDut(doc.Dut), points)
        {
            AbortReason = doc.Run.AbortReason,
            BenchName = doc.Run.Bench ?? "",
            DecisionRule = doc.Run.DecisionRule ?? "",
            SoftwareVersion = doc.Run.Software ?? "",
        };
    }

    private static InstrumentEntry ToEntry(InstrumentIdentity i) => new(
        i.Role, i.Manufacturer, i.Model, i.SerialNumber, i.Firmware, i.Resource,
        i.CalibrationCertificate is null && i.CalibratedOn is null && i.CalibrationDue is null
            ? null
            : new CalibrationEntry(i.CalibrationCertificate, i.CalibratedOn, i.CalibrationDue));

    private static InstrumentIdentity ToIdentity(InstrumentEntry e) =>
        new(e.Role, e.Manufacturer, e.Model, e.Serial, e.Firmware, e.Resource)
        {
            CalibrationCertificate = e.Calibration?.Certificate,
            CalibratedOn = e.Calibration?.Date,
            CalibrationDue = e.Calibration?.Due,
        };

    private static DutEntry ToEntry(DutDescription d) => new(
        d.Identity.Manufacturer, d.Identity.Model, d.Identity.SerialNumber, d.Identity.Firmware, d.Profile, d.Resource,
        new RatingsEntry(d.AccuracyClass, d.NominalCurrentA, d.MaximumCurrentA, d.StartingCurrentA, d.NominalVoltageV, d.NominalFrequencyHz));

    private static DutDescription ToDut(DutEntry e) => new(
        new MeterIdentity(e.Manufacturer, e.Model, e.Serial, e.Firmware), e.Profile,
        e.Ratings.NominalCurrentA, e.Ratings.MaximumCurrentA, e.Ratings.StartingCurrentA,
        e.Ratings.NominalVoltageV, e.Ratings.NominalFrequencyHz, e.Ratings.Class, e.Resource);

    private static PointEntry ToEntry(PointResult p) => new(
        p.Id, p.Quantity,
        new SetpointEntry(p.Setpoint.VoltageV, p.Setpoint.CurrentA, p.Setpoint.PowerFactor, p.Setpoint.FrequencyHz,
            p.Setpoint.CurrentPercentOfNominal, p.Setpoint.Phases),
        Finite(p.ReferenceWh), Finite(p.MeterWh), Finite(p.ErrorPercent), p.LimitPercent, p.Verdict.ToWireText(), p.Reason,
        p.LimitSource is null ? null : new LimitSourceEntry(p.LimitSource.Standard, p.LimitSource.Clause, p.LimitSource.Unconfirmed),
        Finite(p.UncertaintyPercent), Finite(p.Tur), p.DecisionRule, Finite(p.DurationS), p.Repeats, Finite(p.StandardDeviationPercent),
        Finite(p.CoverageFactor),
        p.Budget?.Select(b => new BudgetLineEntry(b.Name, b.Type, b.Distribution, b.StatedPercent, b.StandardUncertaintyPercent)).ToList(),
        p.Test, p.ErrorUnit, Finite(p.ReferenceValue), Finite(p.MeterValue), p.ValueUnit);

    private static PointResult ToPoint(PointEntry e, string location)
    {
        if (!VerdictText.TryParse(e.Verdict, out var verdict))
        {
            throw new BenchInputException(location, $"verdict \"{e.Verdict}\" is not one of PASS, FAIL, INCOMPLETE, CONDITIONAL PASS, CONDITIONAL FAIL");
        }

        var s = e.Setpoint;
        return new PointResult(e.Id, e.Quantity,
            new PointSetpoint(s.VoltageV, s.CurrentA, s.PowerFactor, s.FrequencyHz, s.CurrentPercentOfNominal, s.Phases),
            e.ReferenceWh, e.MeterWh, e.ErrorPercent, e.LimitPercent, verdict)
        {
            Reason = e.Reason,
            LimitSource = e.LimitSource is null ? null : new LimitSource(e.LimitSource.Standard, e.LimitSource.Clause, e.LimitSource.Unconfirmed),
            UncertaintyPercent = e.UncertaintyPercent,
            Tur = e.Tur,
            DecisionRule = e.DecisionRule,
            DurationS = e.DurationS,
            Repeats = e.Repeats,
            StandardDeviationPercent = e.StandardDeviationPercent,
            CoverageFactor = e.CoverageFactor,
            Budget = e.Budget?.Select(b => new UncertaintyContribution(b.Name, b.Type, b.Distribution, b.StatedPercent, b.StandardUncertaintyPercent)).ToList(),
            Test = e.Test,
            ErrorUnit = e.ErrorUnit,
            ReferenceValue = e.ReferenceValue,
            MeterValue = e.MeterValue,
            ValueUnit = e.ValueUnit,
        };
    }

    // JSON has no NaN or infinity; a TUR against a zero uncertainty is written as null ("not stated").
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
