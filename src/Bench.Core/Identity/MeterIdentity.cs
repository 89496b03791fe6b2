namespace Bench.Core.Identity;

/// <summary>Who the meter under test says it is, read from its identity registers at the start of every run.</summary>
public sealed record MeterIdentity(string Manufacturer, string Model, string SerialNumber, string Firmware);
