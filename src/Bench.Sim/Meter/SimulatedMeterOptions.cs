using Bench.Dut.Profiles;

namespace Bench.Sim.Meter;

/// <summary>
/// How the simulated meter behaves. <see cref="ErrorPercent"/> is added to the profile's error curve and scales P, Q, S
/// and the energy registers by 1 + e/100. Faults (latency, dropped replies, exceptions) make drivers' error paths testable.
/// </summary>
public sealed record SimulatedMeterOptions
{
    public double ErrorPercent { get; init; }

    /// <summary>Numeric, since the PM8000 serial-number register is a UINT32.</summary>
    public string SerialNumber { get; init; } = "1807123401";

    /// <summary>Firmware version; versions listed in the profile's firmware_faults switch their defect on.</summary>
    public string Firmware { get; init; } = "3.1.0";

    public string Model { get; init; } = "PM8240";

    public byte UnitId { get; init; } = 1;

    /// <summary>0 = an ephemeral port.</summary>
    public int Port { get; init; }

    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Also answer Modbus RTU on this serial port (e.g. one end of a socat pty pair); null = TCP only.</summary>
    public string? SerialPort { get; init; }

    public int SerialBaudRate { get; init; } = 19200;

    /// <summary>N, E or O; Schneider meters ship with 19200 8E1.</summary>
    public char SerialParity { get; init; } = 'E';

    /// <summary>
    /// Gateway mode: requests for unit ids other than <see cref="UnitId"/> are forwarded as Modbus RTU on this serial port
    /// (the PM8000 fronts up to 31 serial devices); a silent device is answered with exception 0B. Null = no gateway (0A).
    /// </summary>
    public string? GatewaySerialPort { get; init; }

    /// <summary>Folder the meter writes a COMTRADE record of each PQ event into (serve it over SFTP); null = none.</summary>
    public string? RecordFolder { get; init; }

    /// <summary>Gain of the waveform recorder (1 = exact): its COMTRADE records read this much high or low.</summary>
    public double RecordGain { get; init; } = 1;

    /// <summary>Defects of the event detection (missed short events, duration and residual offsets); none by default.</summary>
    public SimulatedEventFaults EventFaults { get; init; } = SimulatedEventFaults.None;

    /// <summary>Register map and error model; null = the shipped PM8000 profile.</summary>
    public DutProfile? Profile { get; init; }

    /// <summary>Apply the profile's error curve (on by default); off leaves only <see cref="ErrorPercent"/>.</summary>
    public bool UseProfileErrorCurve { get; init; } = true;

    /// <summary>
    /// Errors of the instantaneous readings (U, I, f, P, Q, S, PF, THD, unbalance); null = the profile's
    /// <c>simulation.instantaneous_error</c>, <see cref="InstantaneousErrors.None"/> = exact readings.
    /// </summary>
    public InstantaneousErrors? InstantaneousErrors { get; init; }

    /// <summary>What the active energy register reads before anything is integrated, in Wh.</summary>
    public double InitialActiveEnergyWh { get; init; }

    /// <summary>The energy registers wrap to zero at this value (Wh or varh); null = never.</summary>
    public double? EnergyRolloverWh { get; init; }

    /// <summary>Delay before each reply, real time.</summary>
    public TimeSpan ResponseLatency { get; init; }

    /// <summary>Probability (0…1) that a request gets no reply at all.</summary>
    public double DropReplyProbability { get; init; }

    /// <summary>Probability (0…1) that a request is answered with exception 06 (server busy).</summary>
    public double BusyExceptionProbability { get; init; }

    /// <summary>
    /// Standard deviation, in percent of reading, of a random error the energy registers take afresh for each stretch of
    /// integration (between two reads or grid changes): a meter whose repeated gates scatter (repeatability tests).
    /// Drawn from <see cref="Seed"/>; 0 = none.
    /// </summary>
    public double EnergyNoisePercent { get; init; }

    /// <summary>Seed of the fault dice, so a failing run repeats.</summary>
    public int Seed { get; init; } = 8000;
}
