using Bench.Core.Identity;
using Bench.Core.Quantities;

namespace Bench.Instruments.Roles;

/// <summary>A programmable three-phase source, whatever its make. Drivers map these calls onto the profile's commands.</summary>
public interface IThreePhaseSource : IAsyncDisposable
{
    InstrumentIdentity Identity { get; }

    /// <summary>Programs every phase and switches the output on; returns once the instrument reports the operation complete.</summary>
    Task ApplyAsync(ThreePhaseSetpoint setpoint, CancellationToken cancellationToken);

    /// <summary>The safe state: all outputs off. Must be callable from a <c>finally</c>, also after a fault.</summary>
    Task OutputOffAsync(CancellationToken cancellationToken);
}
