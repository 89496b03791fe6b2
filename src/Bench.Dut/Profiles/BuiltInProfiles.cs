namespace Bench.Dut.Profiles;

/// <summary>The profiles shipped in fixtures/dut, embedded in the assembly (the simulator's default register maps).</summary>
public static class BuiltInProfiles
{
    private static readonly Lazy<DutProfile> Pm8000Profile = new(() => Load("pm8000.yaml"));

    /// <summary>fixtures/dut/pm8000.yaml.</summary>
    public static DutProfile Pm8000 => Pm8000Profile.Value;

    /// <summary>Loads fixtures/dut/<paramref name="fileName"/> from the embedded copy.</summary>
    public static DutProfile Load(string fileName)
    {
        var name = "Bench.Dut.Profiles." + fileName;
        using var stream = typeof(BuiltInProfiles).Assembly.GetManifestResourceStream(name)
            ?? throw new ArgumentException($"no built-in profile '{fileName}'", nameof(fileName));
        using var reader = new StreamReader(stream);
        return DutProfile.Parse(reader.ReadToEnd(), "builtin:fixtures/dut/" + fileName);
    }
}
