namespace Bench.Visa.Scpi;

public enum TranscriptDirection
{
    Sent,
    Received,
}
