using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Instruments.Roles;
using Bench.Plans.Model;
using Bench.Standards.Limits;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// The reference side of a PMD function comparison: the value per phase (or total) the meter is compared with, the
/// error in the function's unit, and the reference's own uncertainty in that unit where its profile states one.
/// THD's reference is the reference standard's measured THD when it offers one (<see cref="MeasuredThd"/>), otherwise
/// the harmonic content the source is set to (the calibrator as reference); IN's is the vector sum of the reference's
/// phase currents at the source's set angles.
/// </summary>
public static class PmdReference
{
    public static double[] Values(PmdFunction function, ThreePhaseMeasurement r, ThreePhaseSetpoint setpoint, PmdPointSettings settings) => function switch
    {
        PmdFunction.Frequency => [r.FrequencyHz],
        PmdFunction.Voltage => r.Phases.Select(p => p.VoltageRmsV).ToArray(),
        PmdFunction.Current => r.Phases.Select(p => p.CurrentRmsA).ToArray(),
        PmdFunction.NeutralCurrent => [PmdFunctionPoints.NeutralCurrentA(setpoint with
        {
            Phases = setpoint.Phases.Select((x, k) => x with { CurrentA = k < r.Phases.Count ? r.Phases[k].CurrentRmsA : 0 }).ToList(),
        })],
        PmdFunction.ActivePower => [r.TotalActivePowerW],
        PmdFunction.ReactivePower => [r.TotalReactivePowerVar],
        PmdFunction.ApparentPower => [r.TotalApparentPowerVA],
        PmdFunction.PowerFactor => [r.TotalPowerFactor],
        PmdFunction.VoltageThd => r.Phases.Select(_ => PmdFunctionPoints.ThdPercent(settings.VoltageHarmonics)).ToArray(),
        PmdFunction.CurrentThd => r.Phases.Select(_ => PmdFunctionPoints.ThdPercent(settings.CurrentHarmonics)).ToArray(),
        PmdFunction.VoltageUnbalance => [UnbalancePercent(r)],
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "an energy function is compared by energy gates"),
    };

    /// <summary>THD per phase as the reference measured it, for a THD function (voltage or current), in percent.</summary>
    public static double[] MeasuredThd(PmdFunction function, ReferenceThd thd) => function switch
    {
        PmdFunction.VoltageThd => [.. thd.VoltagePercent],
        PmdFunction.CurrentThd => [.. thd.CurrentPercent],
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "not a THD function"),
    };

    /// <summary>The reference's stated THD accuracy as a budget component (percentage points); none when not stated.</summary>
    public static IReadOnlyList<UncertaintyComponent> ThdComponents(BenchUncertaintyFigures figures) =>
        figures.ReferenceThdPercentPoints is { } pp
            ? [UncertaintyComponent.FromCertificate("Reference THD accuracy (profile's thd.accuracy, percentage points)", pp, figures.ReferenceThdCoverageFactor)]
            : [];

    /// <summary>
    /// The meter's error in the unit of <paramref name="form"/>: % of reading (relative to the signed reference, so a
    /// capacitive Q read too large in magnitude errs positive, as a received-energy register would), absolute PF or
    /// percentage points.
    /// </summary>
    public static double Error(PmdErrorForm form, double meter, double reference) => form switch
    {
        PmdErrorForm.PercentOfReading or PmdErrorForm.PercentOfReadingTable => reference == 0 ? double.NaN : (meter - reference) / reference * 100,
        _ => meter - reference,
    };

    /// <summary>Largest deviation of a phase voltage from the mean of all, in percent of the mean.</summary>
    public static double UnbalancePercent(ThreePhaseMeasurement m)
    {
        var mean = m.Phases.Average(p => p.VoltageRmsV);
        return mean <= 0 ? double.NaN : m.Phases.Max(p => Math.Abs(p.VoltageRmsV - mean)) / mean * 100;
    }

    /// <summary>
    /// Type B components of the reference at this reading, in the error's unit: U and I from the stated range accuracy,
    /// P from the power specification (Q: its reduced-PF figure), SA from U and I, PF from P, U and I; the calibration
    /// certificate (stated for energy) with P and Q. f, THD and unbalance: none stated, so none in the budget.
    /// </summary>
    public static IReadOnlyList<UncertaintyComponent> Components(PmdFunction function, ThreePhaseMeasurement r, BenchUncertaintyFigures figures)
    {
        var list = new List<UncertaintyComponent>();
        var voltage = RangePercent(figures.ReferenceVoltageRanges, r.Phases.Average(p => p.VoltageRmsV));
        var current = RangePercent(figures.ReferenceCurrentRanges, r.Phases.Average(p => p.CurrentRmsA));
        var pf = Math.Abs(r.TotalPowerFactor);
        // Reading = range: the range term counts fully (conservative, as for the energy figures).
        double? power = figures.ReferencePowerAccuracy is { } spec ? spec.HalfWidthPpm(function == PmdFunction.ReactivePower ? 0.5 : pf, 1, 1) / 1e4 : null;
        var powerK = figures.ReferencePowerAccuracy?.CoverageFactor ?? 2;
        switch (function)
        {
            case PmdFunction.Voltage when voltage is { } v:
                list.Add(UncertaintyComponent.Rectangular("Reference voltage accuracy (range specification)", v));
                break;
            case PmdFunction.Current or PmdFunction.NeutralCurrent when current is { } i:
                list.Add(UncertaintyComponent.Rectangular("Reference current accuracy (range specification)", i));
                break;
            case PmdFunction.ActivePower or PmdFunction.ReactivePower when power is { } w:
                list.Add(UncertaintyComponent.FromCertificate(function == PmdFunction.ActivePower ? "Reference power accuracy" : "Reference power accuracy at PF 0.5, taken for Q", w, powerK));
                break;
            case PmdFunction.ApparentPower when voltage is { } v && current is { } i:
                list.Add(UncertaintyComponent.Rectangular("Reference voltage accuracy (S = U·I)", v));
                list.Add(UncertaintyComponent.Rectangular("Reference current accuracy (S = U·I)", i));
                break;
            case PmdFunction.PowerFactor when power is { } w && voltage is { } v && current is { } i:
                // PF = P / (U·I): relative parts in quadrature, times |PF| for the absolute unit.
                var relative = Math.Sqrt(Math.Pow(w / powerK, 2) + Math.Pow(v / Math.Sqrt(3), 2) + Math.Pow(i / Math.Sqrt(3), 2));
                list.Add(new UncertaintyComponent("Reference PF from its P, U and I accuracy", Distribution.Normal, relative / 100 * pf, relative / 100 * pf));
                break;
        }

        if (function is PmdFunction.ActivePower or PmdFunction.ReactivePower && figures.ReferenceCalibrationPercent is { } calibration)
        {
            list.Add(UncertaintyComponent.FromCertificate("Reference calibration certificate (k = 2, energy)", calibration, 2));
        }

        return list;
    }

    /// <summary>Half-width in percent of reading of the smallest range holding the reading; null when none states an accuracy.</summary>
    private static double? RangePercent(IReadOnlyList<RangeSpec> ranges, double reading)
    {
        var range = ranges.Where(r => r.Contains(reading) && r.Accuracy is not null).OrderBy(r => r.Max).FirstOrDefault();
        return range is null || reading == 0 ? null : range.Accuracy!.RelativePpm(reading, range.Max) / 1e4;
    }
}
