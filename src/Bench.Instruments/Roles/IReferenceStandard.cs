using Bench.Core.Identity;
using Bench.Core.Quantities;

namespace Bench.Instruments.Roles;

/// <summary>A reference standard (power analyser, reference meter): instantaneous values and energy integration.</summary>
public interface IReferenceStandard : IAsyncDisposable
{
    InstrumentIdentity Identity { get; }

    Task<ThreePhaseMeasurement> MeasureAsync(CancellationToken cancellationToken);

    /// <summary>Resets and starts energy integration.</summary>
    Task StartEnergyAsync(CancellationToken cancellationToken);

    /// <summary>Stops integration and returns what was integrated since <see cref="StartEnergyAsync"/>.</summary>
    Task<EnergyIntegration> StopEnergyAsync(CancellationToken cancellationToken);
}
