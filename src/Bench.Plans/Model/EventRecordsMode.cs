namespace Bench.Plans.Model;

/// <summary>
/// Whether an events point checks the meter's waveform records (plan key `records:`): <see cref="Required"/> leaves the
/// point INCOMPLETE when the bench has no record source for the meter; <see cref="Optional"/> (the default) checks them
/// when it has one; <see cref="Off"/> never looks. With a source, an unreachable one is INCOMPLETE and a missing record FAIL.
/// </summary>
public enum EventRecordsMode
{
    Optional,
    Required,
    Off,
}
