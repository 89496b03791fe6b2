namespace Bench.Instruments.Roles;

/// <summary>
/// Optional capability of a reference standard: apparent-energy integration. When <see cref="SupportsApparentEnergy"/>
/// is true, <see cref="IReferenceStandard.StopEnergyAsync"/> fills <see cref="EnergyIntegration.ApparentEnergyVAh"/>.
/// </summary>
public interface IApparentEnergyReference
{
    bool SupportsApparentEnergy { get; }

    /// <summary>Which apparent power is integrated (e.g. "arithmetic: Σ Uk·Ik, rms including harmonics"), for the result's reason.</summary>
    string ApparentEnergyDefinition { get; }
}
