namespace Bench.Dsp.Streaming;

/// <summary>
/// Configuration of a <see cref="ReferenceMeter"/>: sampling, nominal values (Udin), wiring and the thresholds of the
/// event detectors, in percent of Udin. Channels arrive interleaved per sample: voltages first, then currents.
/// </summary>
public sealed record MeterSettings(double SampleRateHz, double NominalFrequencyHz, double NominalVoltageV, Wiring Wiring)
{
    /// <summary>Voltage channels: 1 for 1P2W, 3 otherwise.</summary>
    public int Phases => Wiring == Wiring.OnePhaseTwoWire ? 1 : 3;

    /// <summary>Current channels (0 when the record has voltages only).</summary>
    public int CurrentChannels { get; init; } = -1;

    /// <summary>Highest harmonic order asked for (50 by default; 63 or 127 at high rates, as the PM8000 reports).</summary>
    public int MaxHarmonicOrder { get; init; } = 50;

    /// <summary>The order actually measured: the asked one, capped below the Nyquist frequency (about spc/2.2).</summary>
    public int EffectiveMaxHarmonicOrder => Math.Max(1, Math.Min(MaxHarmonicOrder, (int)Math.Floor(SamplesPerNominalCycle / 2.2)));

    /// <summary>Absolute time of the first sample; 10-min and 2-h values align to this clock (UTC ticks).</summary>
    public DateTimeOffset StartTime { get; init; } = DateTimeOffset.UnixEpoch;

    public double DipThresholdPercent { get; init; } = 90;

    public double SwellThresholdPercent { get; init; } = 110;

    public double InterruptionThresholdPercent { get; init; } = 5;

    public double HysteresisPercent { get; init; } = 2;

    /// <summary>RVC threshold in percent of Udin (IEC 61000-4-30 suggests 1–6 %); its hysteresis is half of it.</summary>
    public double RvcThresholdPercent { get; init; } = 3;

    /// <summary>Maximum demand load current IL for TDD; NaN leaves TDD out.</summary>
    public double MaximumDemandCurrentA { get; init; } = double.NaN;

    /// <summary>Mains signalling frequency to report (Hz); NaN for none.</summary>
    public double SignallingFrequencyHz { get; init; } = double.NaN;

    /// <summary>Run the IEC 61000-4-15 flickermeter on each voltage.</summary>
    public bool Flicker { get; init; } = true;

    /// <summary>Cycles per basic interval: 10 at 50 Hz, 12 at 60 Hz.</summary>
    public int CyclesPerInterval => NominalFrequencyHz >= 55 ? 12 : 10;

    public double SamplesPerNominalCycle => SampleRateHz / NominalFrequencyHz;

    public int EffectiveCurrentChannels => CurrentChannels >= 0 ? CurrentChannels : Phases;

    public int ChannelCount => Phases + EffectiveCurrentChannels;

    /// <summary>Throws when a value is outside what the engine supports (32–1024 samples per cycle, 42.5–69 Hz systems).</summary>
    public void Validate()
    {
        if (!(NominalFrequencyHz is >= 40 and <= 70))
        {
            throw new ArgumentOutOfRangeException(nameof(NominalFrequencyHz), NominalFrequencyHz, "nominal frequency must be 50 or 60 Hz (40–70 accepted)");
        }

        if (!(SamplesPerNominalCycle is >= 31.5 and <= 2050))
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRateHz), SampleRateHz, "the engine supports 32 to 1024 (up to 2048) samples per nominal cycle");
        }

        if (!(NominalVoltageV > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(NominalVoltageV), NominalVoltageV, "nominal voltage must be positive");
        }

        if (EffectiveCurrentChannels is not 0 && EffectiveCurrentChannels != Phases)
        {
            throw new ArgumentOutOfRangeException(nameof(CurrentChannels), CurrentChannels, "give one current per voltage channel, or none");
        }

        if (MaxHarmonicOrder < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxHarmonicOrder), MaxHarmonicOrder, "highest harmonic order is at least 1");
        }
    }
}
