namespace Bench.Instruments.Roles;

/// <summary>A reference standard's pulse input, counting the meter under test's pulses for meter-constant tests.</summary>
public interface IPulseCounter
{
    bool SupportsPulseCounting { get; }

    /// <summary>Resets the count and starts counting.</summary>
    Task StartPulseCountAsync(CancellationToken cancellationToken);

    /// <summary>Pulses counted since <see cref="StartPulseCountAsync"/>.</summary>
    Task<long> ReadPulseCountAsync(CancellationToken cancellationToken);
}
