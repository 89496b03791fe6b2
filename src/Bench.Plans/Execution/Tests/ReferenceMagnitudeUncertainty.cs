using System.Globalization;

using Bench.Instruments.Drivers;
using Bench.Instruments.Profiles;
using Bench.Instruments.Roles;
using Bench.Standards.Limits;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// The reference standard's own uncertainty for a voltage, current or frequency reading, from the accuracy its instrument
/// profile states for the range in use (± ppm of reading + ppm of range, taken as a rectangular maker's specification),
/// expressed in the unit the point's error is in. Null with a note when the profile states none.
/// </summary>
public static class ReferenceMagnitudeUncertainty
{
    public static (UncertaintyComponent? Component, string Note) For(IReferenceStandard reference, PowerQualityParameter parameter, double reading, double nominal, string errorUnit)
    {
        if (reference is not ProfileReference { Profile: var profile })
        {
            return (null, "the reference's accuracy is unknown (no instrument profile)");
        }

        var (range, name) = parameter switch
        {
            PowerQualityParameter.Voltage => (Pick(profile.VoltageRanges, reading), "voltage"),
            PowerQualityParameter.Current => (Pick(profile.CurrentRanges, reading), "current"),
            PowerQualityParameter.Frequency => (profile.FrequencyRange, "frequency"),
            _ => (null, parameter.ToString()),
        };
        if (range?.Accuracy is not { } accuracy || reading == 0)
        {
            return (null, $"the reference's {name} accuracy is not stated in its profile ({profile.Name}): not in the budget");
        }

        var relativePercent = accuracy.RelativePpm(reading, range.Max) / 1e4;
        var halfWidth = errorUnit switch
        {
            "mHz" => relativePercent / 100 * reading * 1000,
            "% of reading" => relativePercent,
            _ => relativePercent * reading / nominal, // % of Udin or % of In
        };
        var stated = string.Create(CultureInfo.InvariantCulture, $"{accuracy.PpmOfReading:0.##} ppm of reading + {accuracy.PpmOfRange:0.##} ppm of the {range.Max:0.###} range");
        var component = UncertaintyComponent.Rectangular($"Reference {name} accuracy ({profile.Name}: {stated}, rectangular)", halfWidth);
        return (component, $"reference {name} accuracy ({stated}, rectangular)");
    }

    private static RangeSpec? Pick(IReadOnlyList<RangeSpec> ranges, double reading) =>
        ranges.Where(r => r.Contains(reading)).OrderBy(r => r.Max).FirstOrDefault();
}
