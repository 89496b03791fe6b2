namespace Bench.Dut.Profiles;

/// <summary>
/// How a simulated meter of this model errs: a curve of error (percent of reading) over load current and power factor,
/// and faults tied to firmware versions for regression demos.
/// </summary>
public sealed record SimulationSettings(IReadOnlyList<ErrorCurvePoint> ErrorCurve, IReadOnlyList<FirmwareFault> FirmwareFaults)
{
    public static SimulationSettings None { get; } = new([], []);

    /// <summary>Errors of the instantaneous readings (U, I, f, P, Q, S, PF, THD, unbalance); none by default.</summary>
    public InstantaneousErrors Instantaneous { get; init; } = InstantaneousErrors.None;
}
