namespace Bench.Waveforms.Comtrade;

/// <summary>
/// One analog channel line of a .cfg: <c>An,ch_id,ph,ccbm,uu,a,b,skew,min,max,primary,secondary,PS</c>.
/// Value in <see cref="Unit"/> = a·raw + b, on the primary or secondary side as <see cref="IsPrimary"/> says.
/// </summary>
public sealed record ComtradeAnalogChannel(
    int Index,
    string Id,
    string Phase,
    string CircuitComponent,
    string Unit,
    double A,
    double B,
    double SkewMicroseconds,
    double Min,
    double Max,
    double Primary,
    double Secondary,
    bool IsPrimary)
{
    /// <summary>Multiplier from the recorded side to primary values (1 when recorded as primary).</summary>
    public double ToPrimary => IsPrimary || Secondary == 0 ? 1 : Primary / Secondary;
}
