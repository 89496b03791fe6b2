using Bench.Core.Quantities;

namespace Bench.Waveforms.Synthesis;

/// <summary>
/// A test signal as a description: a three-phase setpoint (magnitudes, angles, harmonics and interharmonics, which
/// may be unbalanced) plus what happens over time: frequency steps and ramps, phase jumps, dips/swells/interruptions
/// at a chosen point on wave, flicker modulation and noise. <see cref="TestSignalSynthesizer"/> samples it.
/// IEC 62586-2 test states are built from these pieces.
/// </summary>
public sealed record TestSignal(ThreePhaseSetpoint Setpoint)
{
    private FrequencyStep[]? _sortedSteps;

    public IReadOnlyList<FrequencyStep> FrequencySteps { get; init; } = [];

    private FrequencyStep[] SortedSteps => _sortedSteps ??= [.. FrequencySteps.OrderBy(s => s.AtS)];

    public IReadOnlyList<PhaseJump> PhaseJumps { get; init; } = [];

    public IReadOnlyList<VoltageEvent> VoltageEvents { get; init; } = [];

    public FlickerModulation? Flicker { get; init; }

    /// <summary>White Gaussian noise added to each voltage, RMS in percent of that phase's set voltage.</summary>
    public double VoltageNoisePercent { get; init; }

    /// <summary>White Gaussian noise added to each current, RMS in percent of that phase's set current.</summary>
    public double CurrentNoisePercent { get; init; }

    public int NoiseSeed { get; init; } = 1;

    /// <summary>Cycles of the fundamental elapsed at <paramref name="timeS"/> (the integral of the frequency).</summary>
    public double CyclesAt(double timeS)
    {
        double cycles = 0, t = 0, f = Setpoint.FrequencyHz;
        foreach (var step in SortedSteps)
        {
            if (timeS <= step.AtS)
            {
                break;
            }

            cycles += f * (step.AtS - t);
            var rampEnd = step.AtS + step.RampS;
            if (step.RampS > 0)
            {
                var until = Math.Min(timeS, rampEnd);
                var dt = until - step.AtS;
                cycles += (f * dt) + ((step.FrequencyHz - f) / step.RampS * dt * dt / 2);
                t = until;
                if (timeS < rampEnd)
                {
                    return cycles;
                }
            }
            else
            {
                t = step.AtS;
            }

            f = step.FrequencyHz;
        }

        return cycles + (f * (timeS - t));
    }

    /// <summary>Frequency at <paramref name="timeS"/>.</summary>
    public double FrequencyAt(double timeS)
    {
        var f = Setpoint.FrequencyHz;
        foreach (var step in SortedSteps)
        {
            if (timeS < step.AtS)
            {
                break;
            }

            f = step.RampS > 0 && timeS < step.AtS + step.RampS
                ? f + ((step.FrequencyHz - f) * (timeS - step.AtS) / step.RampS)
                : step.FrequencyHz;
        }

        return f;
    }
}
