namespace Bench.Instruments;

/// <summary>An instrument's calibration as the bench profile records it: certificate, date, due date.</summary>
public sealed record InstrumentCalibration(string Certificate, DateOnly CalibratedOn, DateOnly Due);
