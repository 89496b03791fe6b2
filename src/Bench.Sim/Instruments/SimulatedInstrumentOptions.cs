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

    /// <summary>Faults to inject; may be changed while the simulator runs.</summary>
    public SimulatedFaults Faults { get; init; } = new();

    /// <summary>The simulated reference's own error: a gain error on power and energy, in ppm (default 0).</summary>
    public double ReferenceGainErrorPpm { get; init; }

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
