using System.Globalization;

using Bench.Core.Errors;
using Bench.Instruments.Profiles;
using Bench.Plans.Execution;

namespace Bench.Cli.Running;

/// <summary>
/// Every point's setting checked against the source's ranges before anything is energized, so a point the source
/// cannot put out stops the run at the plan's line, not half way through it.
/// </summary>
public static class SourceRangeCheck
{
    public static void Check(IReadOnlyList<ResolvedPoint> points, InstrumentProfile source)
    {
        foreach (var point in points)
        {
            foreach (var phase in point.Setpoint.Phases.Concat(point.ReferenceConditions?.Phases ?? []))
            {
                Require(point, source, "voltage", phase.VoltageV, "V", source.VoltageRanges);
                Require(point, source, "current", phase.CurrentA, "A", source.CurrentRanges);
            }

            if (source.FrequencyRange is { } f && !f.Contains(point.Setpoint.FrequencyHz))
            {
                throw new BenchInputException(point.Plan.Where, Message(point, source, "frequency", point.Setpoint.FrequencyHz, "Hz", f.Min, f.Max));
            }
        }
    }

    private static void Require(ResolvedPoint point, InstrumentProfile source, string what, double value, string unit, IReadOnlyList<RangeSpec> ranges)
    {
        if (value != 0 && ranges.Count > 0 && !ranges.Any(r => r.Contains(value)))
        {
            throw new BenchInputException(point.Plan.Where, Message(point, source, what, value, unit, ranges.Min(r => r.Min), ranges.Max(r => r.Max)));
        }
    }

    private static string Message(ResolvedPoint point, InstrumentProfile source, string what, double value, string unit, double min, double max) =>
        string.Create(CultureInfo.InvariantCulture, $"point '{point.Plan.Id}': {what} {value:0.####} {unit} is outside the ranges of the source {source.Name} ({min:0.####}…{max:0.####} {unit})");
}
