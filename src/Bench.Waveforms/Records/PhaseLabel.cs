namespace Bench.Waveforms.Records;

/// <summary>Reads a phase from the labels recorders use: A/B/C, 1/2/3, L1/L2/L3, R/S/T, a/b/c; N or anything else is no phase.</summary>
public static class PhaseLabel
{
    /// <summary>0, 1 or 2 for phase A/B/C (or L1/L2/L3 …), −1 when the label names no phase.</summary>
    public static int Index(string label)
    {
        var t = label.Trim().ToUpperInvariant();
        return t switch
        {
            "A" or "1" or "L1" or "R" or "PHA" or "PHASE A" => 0,
            "B" or "2" or "L2" or "S" or "PHB" or "PHASE B" => 1,
            "C" or "3" or "L3" or "T" or "PHC" or "PHASE C" => 2,
            _ => -1,
        };
    }

    /// <summary>The phase of a channel from its phase field, or when that is empty from the end of its name (UA, VB, IL3, U1).</summary>
    public static int Of(WaveformChannel channel)
    {
        var byField = Index(channel.Phase);
        if (byField >= 0 || channel.Phase.Trim().Length > 0)
        {
            return byField;
        }

        var name = channel.Name.Trim().ToUpperInvariant();
        foreach (var suffix in new[] { "L1", "L2", "L3" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return Index(suffix);
            }
        }

        return name.Length >= 2 ? Index(name[^1..]) : -1;
    }
}
