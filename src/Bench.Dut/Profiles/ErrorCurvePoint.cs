namespace Bench.Dut.Profiles;

/// <summary>Error of the active power/energy in percent of reading at a current (in percent of In) and power factor.</summary>
public sealed record ErrorCurvePoint(double CurrentPercentOfNominal, double PowerFactor, bool Capacitive, double ErrorPercent);
