namespace Bench.Waveforms.Synthesis;

/// <summary>
/// Amplitude modulation of the voltages for flicker tests: envelope = 1 + (ΔU/U)/2 · m(t), with m a unit sine or
/// square wave at <paramref name="FrequencyHz"/>. <paramref name="DeltaUPercent"/> is ΔU/U peak to peak, as in the
/// IEC 61000-4-15 tables.
/// </summary>
public sealed record FlickerModulation(ModulationShape Shape, double FrequencyHz, double DeltaUPercent)
{
    /// <summary>A rectangular modulation given in changes per minute (Table 5 style): f = cpm / 120.</summary>
    public static FlickerModulation RectangularPerMinute(double changesPerMinute, double deltaUPercent)
        => new(ModulationShape.Rectangular, changesPerMinute / 120, deltaUPercent);

    public double Envelope(double timeS)
    {
        var phase = FrequencyHz * timeS;
        var m = Shape == ModulationShape.Sine
            ? Math.Sin(2 * Math.PI * phase)
            : (phase - Math.Floor(phase) < 0.5 ? 1 : -1);
        return 1 + (DeltaUPercent / 200 * m);
    }
}
