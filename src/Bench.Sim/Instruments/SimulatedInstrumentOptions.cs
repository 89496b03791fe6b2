using Bench.Instruments.Profiles;

using Microsoft.Extensions.Logging;

namespace Bench.Sim.Instruments;

/// <summary>How a simulated instrument is started: which profile's dialect it speaks, its serial number, where it listens, its faults.</summary>
public sealed record SimulatedInstrumentOptions
{
    /// <summary>The profile to speak; null = <see cref="ProfilePath"/>, or Bench's own simulator profile.</summary>
    public InstrumentProfile? Profile { get; init; }

    /// <summary>A profile file (or a shipped file name such as "fluke-6105a.yaml") when <see cref="Profile"/> is null.</summary>
    public string? ProfilePath { get; init; }

    public string Serial { get; init; } = "SIM0001";

    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port of the raw SCPI socket; 0 = ephemeral.</summary>
    public int Port { get; init; }

    /// <summary>Also serve VXI-11 (TCPIP INSTR) — on <see cref="SharedVxi11"/> when given, else on an own server.</summary>
    public bool ServeVxi11 { get; init; } = true;

    /// <summary>The LAN device name under which the VXI-11 server knows this instrument.</summary>
    public string Vxi11DeviceName { get; init; } = "inst0";

    /// <summary>A VXI-11 server shared by several simulated instruments on one host (a gateway with inst0, inst1…).</summary>
    public Servers.Vxi11Server? SharedVxi11 { get; init; }

    /// <summary>Start a portmapper on port 111 of <see cref="Host"/> when the port can be bound (else the resource carries the port).</summary>
    public bool TryPortmapper { get; init; } = true;

    /// <summary>Also serve HiSLIP — on <see cref="SharedHiSlip"/> when given, else on an own server.</summary>
    public bool ServeHiSlip { get; init; } = true;

    public string HiSlipSubAddress { get; init; } = "hislip0";

    /// <summary>TCP port of an own HiSLIP server; 0 = ephemeral (4880 is the registered port).</summary>
    public int HiSlipPort { get; init; }

    /// <summary>Offer overlapped mode in InitializeResponse instead of synchronized.</summary>
    public bool HiSlipOverlapped { get; init; }

    public Servers.HiSlipServer? SharedHiSlip { get; init; }

    /// <summary>Also serve on this serial port (e.g. one end of a socat pty pair); null = no serial endpoint.</summary>
    public string? SerialPort { get; init; }

    /// <summary>Faults to inject; may be changed while the simulator runs.</summary>
    public SimulatedFaults Faults { get; init; } = new();

    /// <summary>The simulated reference's own error: a gain error on power and energy, in ppm (default 0).</summary>
    public double ReferenceGainErrorPpm { get; init; }

    /// <summary>The reference's pulse input: a running count of pulses (e.g. the simulated meter's LED output); null = none wired.</summary>
    public Func<long>? PulseInput { get; init; }

    /// <summary>The simulated source switches its output off when the connection that controls it drops.</summary>
    public bool OutputOffOnDisconnect { get; init; } = true;

    public ILoggerFactory? Logging { get; init; }

    internal InstrumentProfile ResolveProfile(string defaultFile)
    {
        if (Profile is not null)
        {
            return Profile;
        }

        var path = ProfilePath ?? defaultFile;
        return File.Exists(path) ? InstrumentProfile.Load(path) : InstrumentProfile.LoadShipped(path);
    }
}
