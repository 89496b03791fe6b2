namespace Bench.Visa.Transports;

/// <summary>What one transport read delivered: how many bytes, and whether the device signalled END (or a term char) with them.</summary>
public readonly record struct TransportRead(int Count, bool End);
