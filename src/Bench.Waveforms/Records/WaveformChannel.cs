namespace Bench.Waveforms.Records;

/// <summary>One sampled analog channel in engineering units (primary values unless stated otherwise).</summary>
public sealed record WaveformChannel(string Name, string Phase, string Unit, double[] Samples)
{
    public bool IsVoltage => Unit.Equals("V", StringComparison.OrdinalIgnoreCase) || Unit.Equals("kV", StringComparison.OrdinalIgnoreCase);

    public bool IsCurrent => Unit.Equals("A", StringComparison.OrdinalIgnoreCase) || Unit.Equals("kA", StringComparison.OrdinalIgnoreCase);
}
