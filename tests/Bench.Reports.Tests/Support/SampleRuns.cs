using Bench.Core.Identity;
using Bench.Core.Results;

namespace Bench.Reports.Tests.Support;

/// <summary>Run records for tests: IEC 62053-22 class 0.2S points with a pass, a fail, an incomplete and an unconfirmed limit.</summary>
internal static class SampleRuns
{
    public const string DutSerial = "MN-1234-5678";
    public const string ReferenceSerial = "RD33-00417";

    public static readonly LimitSource Table3 = new("IEC 62053-22:2020", "§7.9 Table 3", Unconfirmed: false);
    public static readonly LimitSource Table3Unconfirmed = new("IEC 62053-22:2020", "§7.9 Table 3", Unconfirmed: true);

    public static PointResult Point(string id, double currentPercent, string pf, double? error, double limit, Verdict verdict, LimitSource? source = null)
    {
        // Energies consistent with the error: E_meter = E_ref × (1 + error/100).
        double? reference = error is null ? null : 115.0 * currentPercent / 100.0;
        double? meter = error is { } e ? reference * (1 + (e / 100)) : null;
        return new PointResult(id, "active energy import",
            new PointSetpoint(230, 5 * currentPercent / 100, pf, 50, currentPercent, "L1-L2-L3"),
            reference, meter, error, limit, verdict)
        {
            LimitSource = source ?? Table3,
            DurationS = 60,
        };
    }

    public static RunRecord Mixed(int extraPoints = 0)
    {
        var points = new List<PointResult>
        {
            Point("P01-1%In-PF1", 1, "1", 0.112, 0.4, Verdict.Pass),
            Point("P02-5%In-PF1", 5, "1", 0.05, 0.2, Verdict.Pass),
            Point("P03-100%In-PF1", 100, "1", -0.231, 0.2, Verdict.Fail),
            Point("P04-Imax-PF1", 200, "1", 0.01, 0.2, Verdict.Pass),
            Point("P05-10%In-PF0.5L", 10, "0.5 L", 0.21, 0.3, Verdict.Pass, Table3Unconfirmed),
            Point("P06-100%In-PF0.5L", 100, "0.5 L", null, 0.3, Verdict.Incomplete) with { Reason = "TCPIP::127.0.0.1::5025::SOCKET: no reply to MEAS:ENER? within 2 s" },
            Point("P07-10%In-PF0.8C", 10, "0.8 C", -0.12, 0.3, Verdict.Pass),
            Point("P08-100%In-PF0.8C", 100, "0.8 C", 0.04, 0.3, Verdict.Pass),
        };
        for (var i = 0; i < extraPoints; i++)
        {
            var pct = 1 + (i % 120);
            points.Add(Point($"X{i:000}", pct, (i % 3) switch { 0 => "1", 1 => "0.5 L", _ => "0.8 C" }, 0.001 * (i % 50), 0.3, Verdict.Pass));
        }

        return Run(points);
    }

    public static RunRecord Run(IReadOnlyList<PointResult> points) =>
        new("run-20261127-083000-a1b2", "iec62053-22-class02s-selftest", "IEC 62053-22:2020", "0.2S",
            new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 27, 8, 31, 12, TimeSpan.Zero),
            [
                new InstrumentIdentity("three-phase source", "Bench", "SimSource 3P", "SIM-SRC-0001", "1.0.0", "TCPIP::127.0.0.1::5025::SOCKET")
                {
                    CalibrationCertificate = null,
                },
                new InstrumentIdentity("reference standard", "Radian", "RD-33", ReferenceSerial, "2.14", "TCPIP::127.0.0.1::5026::SOCKET")
                {
                    CalibrationCertificate = "CAL-2026-0193",
                    CalibratedOn = new DateOnly(2026, 3, 2),
                    CalibrationDue = new DateOnly(2027, 3, 2),
                },
            ],
            new DutDescription(new MeterIdentity("Schneider Electric", "PM8000 (PM8240)", DutSerial, "004.002.001"),
                "fixtures/dut/pm8000.yaml", 5, 10, 0.005, 230, 50, "0.2S", "modbus-tcp://127.0.0.1:1502/1"),
            points)
        {
            BenchName = "virtual bench",
            DecisionRule = "simple acceptance (ILAC-G8:09/2019 §4.2.1, w = 0)",
            SoftwareVersion = "0.1.0+test",
        };
}
