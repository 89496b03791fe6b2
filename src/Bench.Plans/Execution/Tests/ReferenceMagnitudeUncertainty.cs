using System.Globalization;

using Bench.Instruments.Drivers;
using Bench.Instruments.Profiles;
using Bench.Instruments.Roles;
using Bench.Standards.Limits;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// An instrument's own uncertainty for a voltage, current or frequency value, from the accuracy its profile states for
/// the range in use (± ppm of reading + ppm of range, taken as a rectangular maker's specification), expressed in the
/// unit the point's error is in: the reference standard's reading, or the source's programmed output where the
/// programmed value is the reference. Null with a note when the profile states none.
/// </summary>
public static class ReferenceMagnitudeUncertainty
{
    public static (UncertaintyComponent? Component, string Note) For(IReferenceStandard reference, PowerQualityParameter parameter, double reading, double nominal, string errorUnit)
    {
        if (reference is not ProfileReference { Profile: var profile })
        {
            return (null, "the reference's accuracy is unknown (no instrument profile)");
        }

        return parameter switch
        {
            PowerQualityParameter.Voltage => FromRange("Reference", profile, "voltage", Pick(profile.VoltageRanges, reading), reading, nominal, errorUnit),
            PowerQualityParameter.Current => FromRange("Reference", profile, "current", Pick(profile.CurrentRanges, reading), reading, nominal, errorUnit),
            PowerQualityParameter.Frequency => FromRange("Reference", profile, "frequency", profile.FrequencyRange, reading, nominal, errorUnit),
            _ => (null, $"the reference's {parameter} accuracy is not in its profile"),
        };
    }

    /// <summary>The source's amplitude accuracy at a programmed voltage, when its profile states one for the range.</summary>
    public static (UncertaintyComponent? Component, string Note) ForSourceVoltage(ProfileSource source, double programmedV, double declaredV, string errorUnit) =>
        FromRange("Source", source.Profile, "voltage", Pick(source.Profile.VoltageRanges, programmedV), programmedV, declaredV, errorUnit);

    private static (UncertaintyComponent? Component, string Note) FromRange(string role, InstrumentProfile profile, string name, RangeSpec? range, double reading, double nominal, string errorUnit)
    {
        var lower = role.ToLowerInvariant();
        if (range?.Accuracy is not { } accuracy)
        {
            return (null, $"the {lower}'s {name} accuracy is not stated in its profile ({profile.Name}): not in the budget");
        }

        // Absolute half-width first, so a reading of zero (an interruption's residual) keeps its range term.
        var halfWidth = ((accuracy.PpmOfReading * Math.Abs(reading)) + (accuracy.PpmOfRange * range.Max)) / 1e6;
        var inUnit = errorUnit switch
        {
            "mHz" => halfWidth * 1000,
            "% of reading" => reading == 0 ? double.PositiveInfinity : halfWidth / Math.Abs(reading) * 100,
            _ => halfWidth / nominal * 100, // % of Udin or % of In
        };
        var stated = string.Create(CultureInfo.InvariantCulture, $"{accuracy.PpmOfReading:0.##} ppm of reading + {accuracy.PpmOfRange:0.##} ppm of the {range.Max:0.###} range");
        var component = UncertaintyComponent.Rectangular($"{role} {name} accuracy ({profile.Name}: {stated}, rectangular)", inUnit);
        return (component, $"{lower} {name} accuracy ({stated}, rectangular)");
    }

    private static RangeSpec? Pick(IReadOnlyList<RangeSpec> ranges, double reading) =>
        ranges.Where(r => r.Contains(reading)).OrderBy(r => r.Max).FirstOrDefault();
}
