namespace Bench.Cli.Running;

/// <summary>What `bench run` and `bench selftest` were asked to do, after argument parsing.</summary>
public sealed record RunRequest(string PlanPath, string BenchPath, string DutPath)
{
    public string? OutDirectory { get; init; }

    /// <summary>Scanned serial number: checked against the meter's own, or given to the simulated meter.</summary>
    public string? Serial { get; init; }

    /// <summary>A previous run's output folder: points already in its journal are kept, the rest are measured.</summary>
    public string? ResumeDirectory { get; init; }

    /// <summary>Error added by the simulated meter (virtual bench only).</summary>
    public double MeterErrorPercent { get; init; }

    /// <summary>Firmware version of the simulated meter (virtual bench only).</summary>
    public string? SimulatedFirmware { get; init; }

    public bool Verbose { get; init; }
}
