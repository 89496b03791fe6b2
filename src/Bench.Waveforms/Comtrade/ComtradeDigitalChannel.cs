namespace Bench.Waveforms.Comtrade;

/// <summary>One status channel line of a .cfg: <c>Dn,ch_id,ph,ccbm,y</c> (y = normal state).</summary>
public sealed record ComtradeDigitalChannel(int Index, string Id, string Phase, string CircuitComponent, int NormalState);
