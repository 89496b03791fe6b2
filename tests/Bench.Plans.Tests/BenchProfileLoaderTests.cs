using Bench.Core.Errors;
using Bench.Plans.Loading;

namespace Bench.Plans.Tests;

public class BenchProfileLoaderTests
{
    [Test]
    public void Virtual_bench_profile_loads_with_its_calibration()
    {
        var bench = BenchProfileLoader.Load(Repository.File("fixtures", "bench", "virtual-bench.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(bench.IsVirtual, Is.True);
            Assert.That(bench.Reference.CalibrationCertificate, Does.StartWith("SIM-REF-0001"));
            Assert.That(bench.Reference.CalibrationDue, Is.EqualTo(new DateOnly(2036, 1, 5)));
            Assert.That(bench.Reference.CalibrationUncertaintyPercent, Is.EqualTo(0.005));
        });
    }

    [Test]
    public void Lab_example_names_shipped_instrument_profiles_and_real_resources()
    {
        var bench = BenchProfileLoader.Load(Repository.File("fixtures", "bench", "lab-example.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(bench.IsVirtual, Is.False);
            Assert.That(File.Exists(Repository.File("instruments", bench.Source.ProfilePath)), Is.True);
            Assert.That(File.Exists(Repository.File("instruments", bench.Reference.ProfilePath)), Is.True);
            Assert.That(bench.Reference.CalibrationUncertaintyPercent, Is.EqualTo(0.007), "Fluke 6105A one-year energy spec, decision-rules.md §5");
            Assert.That(bench.MeterResource, Does.StartWith("modbus-tcp://"));
        });
    }

    [TestCase("calibration: { certificate: C1, calibrated: 2026-13-01, due: 2027-01-01 }", "must be a date")]
    [TestCase("calibration: { certificate: C1, calibrated: 2026-01-01, due: 2025-01-01 }", "'due' is before 'calibrated'")]
    [TestCase("calibration: { certificate: C1, calibrated: 2026-01-01 }", "missing 'due'")]
    [TestCase("calibratoin: { certificate: C1 }", "unknown key 'calibratoin'")]
    public void Calibration_errors_are_located(string calibrationLine, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"name: b\nsource:\n  profile: s.yaml\n  resource: TCPIP::10.0.0.1::5025::SOCKET\nreference:\n  profile: r.yaml\n  resource: TCPIP::10.0.0.2::inst0::INSTR\n  {calibrationLine}\nmeter: modbus-tcp://10.0.0.3:502?unit=1\n");
        try
        {
            var e = Assert.Throws<BenchInputException>(() => BenchProfileLoader.Load(path))!;
            Assert.That(e.Message, Does.StartWith(path + ":8:").And.Contain(message));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class BenchProfileMeterRecordsTests
{
    private const string Instruments = "name: b\nsource:\n  profile: s.yaml\n  resource: TCPIP::10.0.0.1::5025::SOCKET\nreference:\n  profile: r.yaml\n  resource: TCPIP::10.0.0.2::inst0::INSTR\n";

    [Test]
    public void A_meter_mapping_declares_where_its_records_are()
    {
        var sftp = Load("meter:\n  resource: modbus-tcp://10.0.0.3:502?unit=1\n  records: sftp://bench@10.0.0.3:22/COMTRADE?key=/home/bench/.ssh/id_ed25519\n");
        var folder = Load("meter: { resource: modbus-tcp://10.0.0.3:502?unit=1, records: /mnt/meter-records }\n");
        var plain = Load("meter: modbus-tcp://10.0.0.3:502?unit=1\n");
        Assert.Multiple(() =>
        {
            Assert.That(sftp.MeterResource, Is.EqualTo("modbus-tcp://10.0.0.3:502?unit=1"));
            Assert.That(sftp.MeterRecords, Does.StartWith("sftp://bench@10.0.0.3:22/COMTRADE"));
            Assert.That(folder.MeterRecords, Is.EqualTo("/mnt/meter-records"));
            Assert.That(plain.MeterResource, Is.EqualTo("modbus-tcp://10.0.0.3:502?unit=1"));
            Assert.That(plain.MeterRecords, Is.Null);
        });
    }

    [TestCase("meter:\n  resource: modbus-tcp://10.0.0.3:502?unit=1\n  records: sftp://10.0.0.3/COMTRADE\n", ":10:12", "sftp://USER@HOST")]
    [TestCase("meter:\n  resource: modbus-tcp://10.0.0.3:502?unit=1\n  recrods: /mnt/x\n", ":10:3", "unknown key 'recrods'")]
    [TestCase("meter:\n  records: /mnt/x\n", ":9:", "missing 'resource'")]
    public void Meter_mapping_errors_are_located(string meter, string where, string message)
    {
        var e = Assert.Throws<BenchInputException>(() => Load(meter))!;
        Assert.That(e.Message, Does.Contain(where).And.Contain(message));
    }

    private static Model.BenchProfile Load(string meter)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Instruments + meter);
        try
        {
            return BenchProfileLoader.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
