namespace Bench.Visa.Scpi;

/// <summary>One line of an instrument transcript, as the run journal records it.</summary>
public sealed record TranscriptEntry(DateTimeOffset At, string Resource, TranscriptDirection Direction, string Text);
