using Bench.Core.Quantities;

namespace Bench.Dut.Meter;

/// <summary>
/// The meter's registers at one instant: energy counters (Wh, varh; before/after gives the DUT's energy)
/// and its instantaneous values when the profile maps them.
/// </summary>
public sealed record MeterSnapshot(
    DateTimeOffset Time,
    double ActiveEnergyDeliveredWh,
    double? ReactiveEnergyDeliveredVarh,
    ThreePhaseMeasurement? Instantaneous)
{
    /// <summary>Smallest step of the energy register, in Wh, for the uncertainty budget and the integration time.</summary>
    public double EnergyResolutionWh { get; init; }

    /// <summary>Reactive energy received (quadrants III and IV: capacitive with power delivered), when the profile maps it.</summary>
    public double? ReactiveEnergyReceivedVarh { get; init; }

    /// <summary>Value at which the active energy register wraps to zero, in Wh, when the profile says; see <see cref="EnergyDelta"/>.</summary>
    public double? EnergyRolloverWh { get; init; }
}
