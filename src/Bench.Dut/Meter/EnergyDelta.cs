using Bench.Core.Errors;

namespace Bench.Dut.Meter;

/// <summary>Energy registered between two snapshots, across one rollover of the counter when the profile gives its value.</summary>
public static class EnergyDelta
{
    public static double ActiveWh(MeterSnapshot before, MeterSnapshot after, string resource)
    {
        var delta = after.ActiveEnergyDeliveredWh - before.ActiveEnergyDeliveredWh;
        if (delta >= 0)
        {
            return delta;
        }

        var rollover = after.EnergyRolloverWh ?? before.EnergyRolloverWh;
        if (rollover is { } r && r > 0 && before.ActiveEnergyDeliveredWh <= r)
        {
            return after.ActiveEnergyDeliveredWh + r - before.ActiveEnergyDeliveredWh;
        }

        throw new InstrumentFaultException(resource, $"active energy went backwards from {before.ActiveEnergyDeliveredWh} Wh to {after.ActiveEnergyDeliveredWh} Wh and the profile gives no rollover value");
    }
}
