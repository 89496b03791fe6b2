using Bench.Instruments.Profiles;

namespace Bench.Sim.Tests;

/// <summary>Variants of the shipped simulated reference's profile.</summary>
internal static class ReferenceProfiles
{
    /// <summary>bench-sim-reference.yaml without its 'events' section: a reference that detects no events (the programmed sequence is the reference).</summary>
    public static InstrumentProfile WithoutEvents()
    {
        var path = InstrumentProfile.FindShipped("bench-sim-reference.yaml");
        var lines = File.ReadAllLines(path);
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("events:", StringComparison.Ordinal))
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
        return profile.Events is null ? profile : throw new InvalidOperationException("the events section was not removed");
    }
}
