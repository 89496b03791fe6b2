namespace Bench.Dut.Records;

/// <summary>
/// One waveform record fetched from the meter: its name (e.g. <c>cmt0__00003</c>), the local copies of its .cfg and .dat
/// (or a single .cff for a 2013 record), and when the meter wrote it. Parsing is Bench.Waveforms' COMTRADE reader's job.
/// </summary>
public sealed record ComtradeRecordFiles(string Name, string ConfigPath, string? DataPath, DateTimeOffset WrittenUtc, bool Downloaded);
