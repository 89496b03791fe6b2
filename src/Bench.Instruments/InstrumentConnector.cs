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
    public static Task<IThreePhaseSource> OpenSourceAsync(
        InstrumentProfile profile, string resource, InstrumentCalibration? calibration, ILoggerFactory? logging, CancellationToken ct) =>
        OpenSourceAsync(profile, resource, calibration, logging, null, ct);

    public static Task<IReferenceStandard> OpenReferenceAsync(
        InstrumentProfile profile, string resource, InstrumentCalibration? calibration, ILoggerFactory? logging, CancellationToken ct) =>
        OpenReferenceAsync(profile, resource, calibration, logging, null, ct);

    /// <summary>Opens a source; the result also implements <see cref="IVoltageEventSource"/> and is a <see cref="ProfileSource"/>.</summary>
    public static async Task<IThreePhaseSource> OpenSourceAsync(
        InstrumentProfile profile, string resource, InstrumentCalibration? calibration, ILoggerFactory? logging, InstrumentConnectionOptions? connection, CancellationToken ct)
    {
        var session = await ProfileSession.OpenAsync(profile, InstrumentProfile.SourceRole, resource, calibration, logging, connection, ct).ConfigureAwait(false);
        try
        {
            var source = new ProfileSource(session, logging?.CreateLogger<ProfileSource>());
            if (profile.Watchdog is { Enable: { } enable } wd && wd.TimeoutS > 0)
            {
                await session.Scpi.ConfigureAsync(enable.Render(("timeout_s", wd.TimeoutS)), ct).ConfigureAwait(false);
                if (wd.KeepAlive is { } keepAlive)
                {
                    source.StartKeepAlive(keepAlive, TimeSpan.FromSeconds(wd.TimeoutS / 3));
                }
            }

            return source;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a reference standard; the result also implements <see cref="IPulseCounter"/> and is a <see cref="ProfileReference"/>.</summary>
    public static async Task<IReferenceStandard> OpenReferenceAsync(
        InstrumentProfile profile, string resource, InstrumentCalibration? calibration, ILoggerFactory? logging, InstrumentConnectionOptions? connection, CancellationToken ct)
    {
        var session = await ProfileSession.OpenAsync(profile, InstrumentProfile.ReferenceRole, resource, calibration, logging, connection, ct).ConfigureAwait(false);
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
