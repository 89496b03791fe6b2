namespace Bench.Dsp.Streaming;

/// <summary>A Pst (10 min) or Plt (2 h) value of one voltage channel; <paramref name="Complete"/> false for a period the record only partly covers.</summary>
public readonly record struct FlickerValue(int Phase, double StartS, double DurationS, double Pst, double Plt, bool Complete, bool Flagged);
