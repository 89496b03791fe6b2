namespace Bench.Dsp.Events;

/// <summary>
/// Where inside a one-cycle Urms(1/2) window a step of the voltage's envelope happened. Each window runs from one
/// fundamental zero crossing of its channel to the next but one, so its phase is the waveform's phase: for a sine the
/// share of the window's energy in [0, φ] is F(φ) = (φ − sin(2φ)/2)/(2π). A window's mean square between the level
/// before (a²) and after (b²) the step gives that share, and inverting F gives the instant. This puts event start and
/// end within a small fraction of a cycle instead of the half-cycle grid of the threshold crossings.
/// </summary>
public static class TransitionTiming
{
    /// <summary>F(φ): the share of a sine's energy over one period that lies in [0, φ] (φ in radians, 0 … 2π).</summary>
    public static double EnergyShare(double phi) => (phi - (Math.Sin(2 * phi) / 2)) / (2 * Math.PI);

    /// <summary>The φ in [0, 2π] with F(φ) = <paramref name="share"/> (bisection; F is monotone).</summary>
    public static double PhaseOfShare(double share)
    {
        if (!(share > 0))
        {
            return 0;
        }

        if (share >= 1)
        {
            return 2 * Math.PI;
        }

        double lo = 0, hi = 2 * Math.PI;
        for (var i = 0; i < 60; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (EnergyShare(mid) < share)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>
    /// The instant of a step from mean square <paramref name="before"/> to <paramref name="after"/>, from the windows
    /// around it (oldest first): the window whose share is best conditioned (nearest one half) is inverted. NaN when no
    /// window straddles the step or the levels do not differ.
    /// </summary>
    public static double StepTime(ReadOnlySpan<HalfCycleWindow> windows, double before, double after)
    {
        var span = after - before;
        if (!(Math.Abs(span) > 1e-12 * Math.Max(Math.Abs(before), Math.Abs(after))))
        {
            return double.NaN;
        }

        var best = double.NaN;
        var bestMargin = 0.0;
        foreach (var w in windows)
        {
            if (!(w.EndS > w.StartS))
            {
                continue;
            }

            // MS = before·F(φ) + after·(1 − F(φ)): the share F of the window spent at the old level.
            var old = 1 - ((w.MeanSquare - before) / span);
            var margin = Math.Min(old, 1 - old);
            if (margin > bestMargin)
            {
                bestMargin = margin;
                best = w.StartS + (PhaseOfShare(old) / (2 * Math.PI) * (w.EndS - w.StartS));
            }
        }

        return best;
    }
}
