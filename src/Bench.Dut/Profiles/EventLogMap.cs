namespace Bench.Dut.Profiles;

/// <summary>
/// Where the meter's PQ event log sits (layout "bench-v1", see Bench.Dut.Events.EventRecordCodec): a UINT16 count of
/// events, then up to <see cref="Capacity"/> records, oldest first. Wire addresses.
/// </summary>
public sealed record EventLogMap(int CountAddress, int FirstRecordAddress, int Capacity, RegisterTable Table)
{
    public int LastAddress => FirstRecordAddress + (Capacity * Events.EventRecordCodec.RecordLength) - 1;
}
