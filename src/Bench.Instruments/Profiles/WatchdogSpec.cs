namespace Bench.Instruments.Profiles;

/// <summary>
/// The instrument's own guard against a lost controller: it drops its output when no command arrives within
/// <see cref="TimeoutS"/>. <see cref="Enable"/> may use {timeout_s}; the driver keeps it alive with <see cref="KeepAlive"/>.
/// </summary>
public sealed record WatchdogSpec(CommandTemplate? Enable, CommandTemplate? Disable, CommandTemplate? KeepAlive, double TimeoutS, bool OffOnDisconnect);
