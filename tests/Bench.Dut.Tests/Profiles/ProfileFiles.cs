namespace Bench.Dut.Tests.Profiles;

/// <summary>The shipped profiles as copied next to the test assembly.</summary>
internal static class ProfileFiles
{
    public static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "dut");

    public static string Pm8000 => Path.Combine(Folder, "pm8000.yaml");

    public static string Generic => Path.Combine(Folder, "generic-modbus-meter.yaml");

    public static string Schema => Path.Combine(Folder, "dut-profile.schema.json");
}
