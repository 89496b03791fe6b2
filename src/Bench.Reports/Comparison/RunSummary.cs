using Bench.Core.Results;

namespace Bench.Reports.Comparison;

/// <summary>What a comparison says about each side: which run, which meter and firmware, which software, which verdict.</summary>
public sealed record RunSummary(string RunId, string Plan, string DutSerial, string DutFirmware, string Software, DateTimeOffset Started, Verdict Verdict)
{
    public static RunSummary Of(RunRecord run) => new(
        run.RunId, run.PlanName, run.Dut.Identity.SerialNumber, run.Dut.Identity.Firmware, run.SoftwareVersion, run.Started,
        run.Verdict);
}
