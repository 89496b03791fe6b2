using Bench.Core.Identity;

namespace Bench.Core.Results;

/// <summary>The meter under test as a certificate describes it: identity read from the meter, ratings from its profile.</summary>
public sealed record DutDescription(
    MeterIdentity Identity,
    string Profile,
    double NominalCurrentA,
    double MaximumCurrentA,
    double StartingCurrentA,
    double NominalVoltageV,
    double NominalFrequencyHz,
    string AccuracyClass,
    string Resource);
