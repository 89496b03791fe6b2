using Bench.Instruments.Profiles;

namespace Bench.Sim.Tests;

/// <summary>bench-sim-reference.yaml without its apparent-energy field (VAH) and/or its 'thd' section.</summary>
internal static class PmdReferenceProfiles
{
    public static InstrumentProfile Without(bool vah, bool thd)
    {
        var path = InstrumentProfile.FindShipped("bench-sim-reference.yaml");
        var text = File.ReadAllText(path);
        if (vah)
        {
            text = text.Replace("fields: [WH, VARH, TIME, VAH]", "fields: [WH, VARH, TIME]", StringComparison.Ordinal);
        }

        var kept = new List<string>();
        var skipping = false;
        foreach (var line in text.Split('\n'))
        {
            if (vah && line.StartsWith("  apparent_definition:", StringComparison.Ordinal))
            {
                continue;
            }

            if (thd && line.StartsWith("thd:", StringComparison.Ordinal))
            {
                skipping = true;
                continue;
            }

            if (skipping && line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                skipping = false;
            }

            if (!skipping)
            {
                kept.Add(line);
            }
        }

        var profile = InstrumentProfile.Parse(string.Join('\n', kept), path);
        return profile.Energy!.HasApparentEnergy == !vah && (profile.Thd is null) == thd ? profile : throw new InvalidOperationException("the profile was not cut as asked");
    }
}
