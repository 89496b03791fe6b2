using Bench.Core.Errors;
using Bench.Core.Yaml;
using Bench.Plans.Model;

namespace Bench.Plans.Loading;

/// <summary>Reads a bench profile (fixtures/bench/*.yaml). Instrument profile paths resolve against the shipped instruments/ folder or the profile's own folder.</summary>
public static class BenchProfileLoader
{
    public static BenchProfile Load(string path)
    {
        var root = YamlMap.LoadFile(path);
        var name = root.RequiredString("name");
        var source = ReadInstrument(root, "source");
        var reference = ReadInstrument(root, "reference");
        var (meter, records) = ReadMeter(root);
        var profile = new BenchProfile(name, source, reference, meter) { File = path, MeterRecords = records };
        if (root.OptionalMap("nominal") is { } nominal)
        {
            profile = profile with
            {
                NominalVoltageV = Positive(nominal, "voltage-v") ?? profile.NominalVoltageV,
                NominalCurrentA = Positive(nominal, "current-a") ?? profile.NominalCurrentA,
                NominalFrequencyHz = Positive(nominal, "frequency-hz") ?? profile.NominalFrequencyHz,
            };
            nominal.RejectUnknownKeys();
        }

        root.RejectUnknownKeys();
        return profile;
    }

    /// <summary>`meter: RESOURCE`, or `meter: { resource: RESOURCE, records: sftp://…|FOLDER }`; absent = the virtual meter.</summary>
    private static (string Resource, string? Records) ReadMeter(YamlMap root)
    {
        if (!root.IsMap("meter") || root.OptionalMap("meter") is not { } map)
        {
            return (root.OptionalString("meter") ?? BenchProfile.Virtual, null);
        }

        var resource = map.RequiredString("resource");
        var records = map.OptionalString("records");
        if (records is { } r && r.StartsWith("sftp:", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                Dut.Records.SftpRecordSource.Parse(r);
            }
            catch (BenchInputException e)
            {
                throw new BenchInputException(map.At(map.Scalar("records")!), e.Message);
            }
        }

        map.RejectUnknownKeys();
        return (resource, records);
    }

    private static double? Positive(YamlMap map, string key)
    {
        var value = map.OptionalDouble(key);
        return value is null or > 0 ? value : throw new BenchInputException(map.At(map.Scalar(key)!), $"'{key}' must be positive");
    }

    private static BenchInstrument ReadInstrument(YamlMap root, string role)
    {
        var map = root.OptionalMap(role) ?? throw new BenchInputException(root.Where, $"missing '{role}'");
        var profile = map.RequiredString("profile");
        var resource = map.RequiredString("resource");
        var instrument = new BenchInstrument(role, profile, resource, map.Where);
        var cal = map.OptionalMap("calibration");
        if (cal is not null)
        {
            instrument = instrument with
            {
                CalibrationCertificate = cal.RequiredString("certificate"),
                CalibratedOn = cal.OptionalDate("calibrated") ?? throw new BenchInputException(cal.Where, "missing 'calibrated'"),
                CalibrationDue = cal.OptionalDate("due") ?? throw new BenchInputException(cal.Where, "missing 'due'"),
                CalibrationUncertaintyPercent = cal.OptionalDouble("uncertainty-percent"),
            };
            if (instrument.CalibrationDue < instrument.CalibratedOn)
            {
                throw new BenchInputException(cal.Where, "'due' is before 'calibrated'");
            }

            cal.RejectUnknownKeys();
        }

        map.RejectUnknownKeys();
        return instrument;
    }
}
