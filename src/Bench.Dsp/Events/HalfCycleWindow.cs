namespace Bench.Dsp.Events;

/// <summary>One Urms(1/2) value with the one-cycle window it was measured over (seconds; mean square in V²).</summary>
public readonly record struct HalfCycleWindow(double StartS, double EndS, double MeanSquare)
{
    public double Urms => Math.Sqrt(Math.Max(0, MeanSquare));
}
