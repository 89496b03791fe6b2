namespace Bench.Dsp.Energy;

/// <summary>
/// Four-quadrant energy registers (IEC 62053-23/24 convention): active import (P &gt; 0) and export, reactive energy per
/// quadrant of the (P, Q) plane: Q1 P&gt;0 Q&gt;0, Q2 P&lt;0 Q&gt;0, Q3 P&lt;0 Q&lt;0, Q4 P&gt;0 Q&lt;0. Q is the fundamental Q1.
/// </summary>
public sealed class EnergyRegisters
{
    private readonly double[] _reactiveVarh = new double[4];

    public double ActiveImportWh { get; private set; }

    public double ActiveExportWh { get; private set; }

    /// <summary>Reactive energy in quadrant 1..4 (index 0..3), varh, always positive.</summary>
    public IReadOnlyList<double> ReactiveVarh => _reactiveVarh;

    public double ReactiveImportVarh => _reactiveVarh[0] + _reactiveVarh[1];

    public double ReactiveExportVarh => _reactiveVarh[2] + _reactiveVarh[3];

    /// <summary>Adds constant powers held for <paramref name="seconds"/>.</summary>
    public void Add(double activeW, double reactiveVar, double seconds)
    {
        if (double.IsNaN(activeW) || double.IsNaN(reactiveVar))
        {
            return;
        }

        var hours = seconds / 3600;
        if (activeW >= 0)
        {
            ActiveImportWh += activeW * hours;
        }
        else
        {
            ActiveExportWh -= activeW * hours;
        }

        var quadrant = (activeW >= 0, reactiveVar >= 0) switch
        {
            (true, true) => 0,
            (false, true) => 1,
            (false, false) => 2,
            _ => 3,
        };
        _reactiveVarh[quadrant] += Math.Abs(reactiveVar) * hours;
    }
}
