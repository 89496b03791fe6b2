namespace Bench.Core.Quantities;

/// <summary>Values of one phase measured over a window. Powers are signed (P &gt; 0 delivered, Q &gt; 0 inductive).</summary>
public sealed record PhaseMeasurement(
    double VoltageRmsV,
    double CurrentRmsA,
    double ActivePowerW,
    double ReactivePowerVar,
    double ApparentPowerVA,
    double PowerFactor);
