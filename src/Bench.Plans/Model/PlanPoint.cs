using Bench.Core.Quantities;
using Bench.Standards.Limits;

namespace Bench.Plans.Model;

/// <summary>
/// One load point of a plan as written: current, load angle (cos φ or sin φ as the standard's table gives it),
/// balanced or single-phase load, voltage and frequency, and where it stands in the file.
/// </summary>
public sealed record PlanPoint(string Id, RatedValue Current, LoadAngle Angle, RatedValue Voltage, RatedValue Frequency, string Where)
{
    public LoadConnection Load { get; init; } = LoadConnection.Balanced;

    /// <summary>The loaded element for a single-phase load (0 = L1).</summary>
    public int LoadedPhase { get; init; }

    public PointTest Test { get; init; } = PointTest.Accuracy;

    /// <summary>For <see cref="PointTest.Influence"/>: which influence quantity the point applies.</summary>
    public InfluenceKind? Influence { get; init; }

    /// <summary>For <see cref="PointTest.Repeatability"/>: how many readings the spread is taken over (the point's `repeats:`).</summary>
    public int? Readings { get; init; }

    /// <summary>For <see cref="PointTest.PmdFunction"/>: the IEC 61557-12 function and what the source adds for it.</summary>
    public PmdPointSettings? Pmd { get; init; }

    /// <summary>For <see cref="PointTest.PowerQuality"/>: which parameter is compared.</summary>
    public PowerQualityParameter? Parameter { get; init; }

    /// <summary>For <see cref="PointTest.PowerQuality"/>: harmonics, unbalance, flicker or voltage events on top of the steady setting.</summary>
    public PowerQualityStimulus Stimulus { get; init; } = new();
}
