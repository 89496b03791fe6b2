using Bench.Standards.Limits;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Why a power-quality parameter cannot be compared on this bench, before anything is energized: the meter's register
/// map (Bench's DUT profile format) has no quantity for it, or the source cannot make the signal. Such points end
/// INCOMPLETE with this reason, never PASS; nothing is invented. (Unbalance u2 and flicker Pst are compared by
/// <see cref="UnbalanceTest"/> and <see cref="FlickerTest"/> where the meter's profile maps their registers, and are
/// INCOMPLETE there when it maps none.)
/// </summary>
public static class UnsupportedPowerQualityParameter
{
    public static string? Reason(PowerQualityParameter parameter) => parameter switch
    {
        PowerQualityParameter.VoltageHarmonic =>
            "not supported: no per-harmonic register of the PM8000 is publicly documented (pm8000-map.md §5: individual "
            + "harmonics live in ION Harmonics modules and need a custom Modbus mapping) and the DUT profile format has no "
            + "harmonic-order quantity; THD points (parameter: thd) compare what the map does expose",
        _ => null,
    };
}
