namespace Bench.Dsp.Streaming;

/// <summary>A 10-s power-frequency value (IEC 61000-4-30 §5.1): whole cycles in the clock interval over their duration.</summary>
public readonly record struct FrequencyValue(double StartS, double FrequencyHz, int Cycles, bool Flagged);
