namespace Bench.Dsp.Energy;

/// <summary>
/// A meter's pulse output at a meter constant in impulses per kWh (or kvarh): energy in, whole pulses out, the
/// remainder carried so that no energy is lost between calls.
/// </summary>
public sealed class PulseOutput
{
    private readonly double _whPerPulse;
    private double _remainderWh;

    public PulseOutput(double impulsesPerKwh)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(impulsesPerKwh);
        _whPerPulse = 1000 / impulsesPerKwh;
    }

    public long TotalPulses { get; private set; }

    /// <summary>Adds energy (Wh, negative values ignored) and returns the pulses it completes.</summary>
    public int Add(double energyWh)
    {
        if (!(energyWh > 0))
        {
            return 0;
        }

        _remainderWh += energyWh;
        // A billionth of a pulse of tolerance so that binary rounding of decimal energies does not hold a pulse back.
        var pulses = (int)Math.Floor((_remainderWh / _whPerPulse) + 1e-9);
        _remainderWh = Math.Max(0, _remainderWh - (pulses * _whPerPulse));
        TotalPulses += pulses;
        return pulses;
    }
}
