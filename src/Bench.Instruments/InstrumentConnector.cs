using Bench.Instruments.Drivers;
using Bench.Instruments.Profiles;
using Bench.Instruments.Roles;

using Microsoft.Extensions.Logging;

namespace Bench.Instruments;

/// <summary>
/// Opens the instruments of a bench: resource → session → *IDN? checked against the profile → init → role driver.
/// Bad resource names and profiles raise BenchInputException; an unreachable or misbehaving instrument raises
/// InstrumentFaultException naming the resource (and the command).
/// </summary>
public static class InstrumentConnector
{
    public static async Task<IThreePhaseSource> OpenSourceAsync(
        InstrumentProfile profile, string resource, InstrumentCalibration? calibration, ILoggerFactory? logging, CancellationToken ct)
    {
        var session = await ProfileSession.OpenAsync(profile, InstrumentProfile.SourceRole, resource, calibration, logging, ct).ConfigureAwait(false);
        try
        {
            if (profile.Watchdog is { Enable: { } enable } wd && wd.TimeoutS > 0)
            {
                await session.Scpi.ConfigureAsync(enable.Render(("timeout_s", wd.TimeoutS)), ct).ConfigureAwait(false);
            }

            return new ProfileSource(session, logging?.CreateLogger<ProfileSource>());
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static async Task<IReferenceStandard> OpenReferenceAsync(
        InstrumentProfile profile, string resource, InstrumentCalibration? calibration, ILoggerFactory? logging, CancellationToken ct)
    {
        var session = await ProfileSession.OpenAsync(profile, InstrumentProfile.ReferenceRole, resource, calibration, logging, ct).ConfigureAwait(false);
        var reference = new ProfileReference(session);
        try
        {
            await reference.SetupAsync(ct).ConfigureAwait(false);
            return reference;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
