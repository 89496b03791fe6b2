namespace Bench.Core.Quantities;

/// <summary>Whether the current lags (inductive, L), leads (capacitive, C) or is in phase with the voltage.</summary>
public enum LoadKind
{
    Unity,
    Inductive,
    Capacitive,
}
