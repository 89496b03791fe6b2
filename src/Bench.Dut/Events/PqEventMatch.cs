namespace Bench.Dut.Events;

/// <summary>
/// The verdict on one reference event: the meter's event paired with it (null when the meter missed it), the
/// differences meter − reference, and whether each is within tolerance. Meter events no reference event explains come
/// back with <see cref="Reference"/> null (a false detection).
/// </summary>
public sealed record PqEventMatch(PqEvent? Reference, PqEvent? Meter, TimeSpan StartError, TimeSpan DurationError, double ExtremeErrorPercentPoints, bool Passed, string Reason);
