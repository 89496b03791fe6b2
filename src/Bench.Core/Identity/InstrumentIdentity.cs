namespace Bench.Core.Identity;

/// <summary>
/// A bench instrument as a certificate names it: its role, what it answered to *IDN?, where it was reached,
/// and its calibration (traceability). <see cref="CalibrationDue"/> before the run date makes its points INCOMPLETE.
/// </summary>
public sealed record InstrumentIdentity(
    string Role,
    string Manufacturer,
    string Model,
    string SerialNumber,
    string Firmware,
    string Resource)
{
    public string? CalibrationCertificate { get; init; }

    public DateOnly? CalibratedOn { get; init; }

    public DateOnly? CalibrationDue { get; init; }
}
