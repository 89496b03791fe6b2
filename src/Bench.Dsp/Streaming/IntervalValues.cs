namespace Bench.Dsp.Streaming;

/// <summary>
/// Values of one basic (10/12-cycle) interval or of an aggregate of them. One instance is reused by the engine: copy
/// what you keep (<see cref="CopyTo"/>). Per-phase arrays are indexed by phase; harmonic arrays are flattened
/// [phase·(H+1) + order] with H = <see cref="MaxOrder"/>; use <see cref="Harmonic"/> to read them.
/// </summary>
public sealed class IntervalValues
{
    private readonly (double[] Data, AggregationKind Kind)[] _fields;

    public IntervalValues(int phases, int maxOrder)
    {
        Phases = phases;
        MaxOrder = maxOrder;
        double[] PerPhase() => new double[phases];
        double[] PerOrder() => new double[phases * (maxOrder + 1)];
        UrmsV = PerPhase(); IrmsA = PerPhase(); PW = PerPhase(); Q1Var = PerPhase(); SVA = PerPhase(); NVA = PerPhase();
        Pf = PerPhase(); P1W = PerPhase(); S1VA = PerPhase(); Dpf = PerPhase(); U1V = PerPhase(); I1A = PerPhase();
        ThdsUPercent = PerPhase(); ThdsIPercent = PerPhase(); ThdUPercent = PerPhase(); ThdIPercent = PerPhase();
        KFactor = PerPhase(); TddPercent = PerPhase(); SignallingV = PerPhase();
        HarmonicsUV = PerOrder(); HarmonicsIA = PerOrder(); HarmonicAnglesUDeg = PerOrder(); HarmonicAnglesIDeg = PerOrder();
        InterharmonicsUV = PerOrder();
        HarmonicGroupsUV = PerOrder(); HarmonicGroupsIA = PerOrder();
        Totals = new double[Enum.GetValues<TotalField>().Length];
        _fields =
        [
            (UrmsV, AggregationKind.Rms), (IrmsA, AggregationKind.Rms), (U1V, AggregationKind.Rms), (I1A, AggregationKind.Rms),
            (ThdsUPercent, AggregationKind.Rms), (ThdsIPercent, AggregationKind.Rms), (ThdUPercent, AggregationKind.Rms),
            (ThdIPercent, AggregationKind.Rms), (HarmonicsUV, AggregationKind.Rms), (HarmonicsIA, AggregationKind.Rms),
            (InterharmonicsUV, AggregationKind.Rms), (SignallingV, AggregationKind.Rms),
            (HarmonicGroupsUV, AggregationKind.Rms), (HarmonicGroupsIA, AggregationKind.Rms),
            (PW, AggregationKind.Mean), (Q1Var, AggregationKind.Mean), (SVA, AggregationKind.Mean), (NVA, AggregationKind.Mean),
            (P1W, AggregationKind.Mean), (S1VA, AggregationKind.Mean), (KFactor, AggregationKind.Mean), (TddPercent, AggregationKind.Mean),
            (HarmonicAnglesUDeg, AggregationKind.Derived), (HarmonicAnglesIDeg, AggregationKind.Derived),
            (Pf, AggregationKind.Derived), (Dpf, AggregationKind.Derived),
        ];
    }

    public int Phases { get; }

    public int MaxOrder { get; }

    /// <summary>Seconds from the first sample to the start of the interval.</summary>
    public double StartS { get; set; }

    public double DurationS { get; set; }

    /// <summary>A dip, swell or interruption touched the interval (IEC 61000-4-30 flagging).</summary>
    public bool Flagged { get; set; }

    /// <summary>False for an aggregate the record covers only in part (e.g. a first or last 10-min value off the clock tick).</summary>
    public bool Complete { get; set; } = true;

    /// <summary>Basic intervals in this value (1 for a basic interval).</summary>
    public int Count { get; set; }

    public double FrequencyHz { get => Totals[(int)TotalField.FrequencyHz]; set => Totals[(int)TotalField.FrequencyHz] = value; }

    public double[] UrmsV { get; }

    public double[] IrmsA { get; }

    /// <summary>Active power per phase (NaN for 3P3W, where only totals exist).</summary>
    public double[] PW { get; }

    /// <summary>Fundamental reactive power Q1 (IEEE 1459), positive when the current lags.</summary>
    public double[] Q1Var { get; }

    public double[] SVA { get; }

    /// <summary>Non-active power N = sqrt(S² − P²).</summary>
    public double[] NVA { get; }

    public double[] Pf { get; }

    public double[] P1W { get; }

    public double[] S1VA { get; }

    /// <summary>Displacement power factor P1/S1.</summary>
    public double[] Dpf { get; }

    public double[] U1V { get; }

    public double[] I1A { get; }

    /// <summary>THDS: from harmonic subgroups 2..H over the fundamental subgroup (IEC 61000-4-30 Class A).</summary>
    public double[] ThdsUPercent { get; }

    public double[] ThdsIPercent { get; }

    /// <summary>THD from single harmonic components (bins C·h) 2..H over the fundamental component.</summary>
    public double[] ThdUPercent { get; }

    public double[] ThdIPercent { get; }

    public double[] KFactor { get; }

    /// <summary>TDD of the current against <see cref="MeterSettings.MaximumDemandCurrentA"/> (NaN when unset).</summary>
    public double[] TddPercent { get; }

    /// <summary>Mains signalling voltage at <see cref="MeterSettings.SignallingFrequencyHz"/> (NaN when unset).</summary>
    public double[] SignallingV { get; }

    /// <summary>Harmonic subgroup RMS of the voltage; order 0 is |DC|.</summary>
    public double[] HarmonicsUV { get; }

    public double[] HarmonicsIA { get; }

    /// <summary>Harmonic group RMS (IEC 61000-4-7: bins within ±C/2 of the harmonic, the outermost two at half weight).</summary>
    public double[] HarmonicGroupsUV { get; }

    public double[] HarmonicGroupsIA { get; }

    /// <summary>Phase angle of harmonic h relative to the fundamental, φh − h·φ1, in degrees (−180, 180].</summary>
    public double[] HarmonicAnglesUDeg { get; }

    public double[] HarmonicAnglesIDeg { get; }

    /// <summary>Interharmonic centred subgroup between orders h and h+1 of the voltage.</summary>
    public double[] InterharmonicsUV { get; }

    /// <summary>Three-phase totals, indexed by <see cref="TotalField"/>.</summary>
    public double[] Totals { get; }

    public double Total(TotalField field) => Totals[(int)field];

    public double Harmonic(double[] perOrder, int phase, int order) => perOrder[(phase * (MaxOrder + 1)) + order];

    internal IReadOnlyList<(double[] Data, AggregationKind Kind)> Fields => _fields;

    /// <summary>Copies every value into <paramref name="target"/> (same shape).</summary>
    public void CopyTo(IntervalValues target)
    {
        for (var f = 0; f < _fields.Length; f++)
        {
            _fields[f].Data.CopyTo(target._fields[f].Data, 0);
        }

        Totals.CopyTo(target.Totals, 0);
        target.StartS = StartS;
        target.DurationS = DurationS;
        target.Flagged = Flagged;
        target.Count = Count;
        target.Complete = Complete;
    }

    public IntervalValues Clone()
    {
        var copy = new IntervalValues(Phases, MaxOrder);
        CopyTo(copy);
        return copy;
    }
}
