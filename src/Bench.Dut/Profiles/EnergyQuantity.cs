namespace Bench.Dut.Profiles;

/// <summary>Energy counters a profile can map (YAML: <c>active_delivered</c>, <c>reactive_received</c>…).</summary>
public enum EnergyQuantity
{
    ActiveDelivered,
    ActiveReceived,
    ReactiveDelivered,
    ReactiveReceived,
    ApparentDelivered,
}
