using System.Text;
using System.Text.RegularExpressions;

using Bench.Core.Errors;
using Bench.Core.Identity;
using Bench.Instruments.Profiles;
using Bench.Visa.Scpi;
using Bench.Visa.Sessions;

using Microsoft.Extensions.Logging;

namespace Bench.Instruments.Drivers;

/// <summary>
/// The part every profile-driven driver shares: opening the SCPI session with the profile's terminators and timeouts,
/// *IDN? checked against the identity pattern, the init commands, and configuration steps with the error queue drained.
/// </summary>
public sealed class ProfileSession : IAsyncDisposable
{
    private readonly InstrumentConnectionOptions _connection;

    private ProfileSession(InstrumentProfile profile, ScpiSession scpi, InstrumentIdentity identity, InstrumentConnectionOptions connection)
    {
        Profile = profile;
        Scpi = scpi;
        Identity = identity;
        _connection = connection;
    }

    public InstrumentProfile Profile { get; }

    public ScpiSession Scpi { get; private set; }

    public InstrumentIdentity Identity { get; }

    public string Resource => Scpi.Resource;

    public static VisaSessionOptions VisaOptions(InstrumentProfile profile, InstrumentConnectionOptions? connection = null) => new()
    {
        Timeout = connection?.Timeout ?? TimeSpan.FromSeconds(profile.Transport.TimeoutS),
        VendorLibrary = connection?.VendorVisaLibrary is { } vendor ? VendorLibraries.Get(vendor) : null,
        WriteTermination = profile.Transport.WriteTermination,
        ReadTermination = profile.Transport.ReadTermination.Length > 0 ? (byte)profile.Transport.ReadTermination[^1] : null,
        Serial = new SerialSettings { BaudRate = profile.Transport.BaudRate },
    };

    public static ScpiSessionOptions ScpiOptions(InstrumentProfile profile) => new()
    {
        ErrorQuery = profile.ErrorQuery,
        OperationCompleteTimeout = TimeSpan.FromSeconds(profile.Transport.OperationCompleteTimeoutS),
    };

    public static Task<ProfileSession> OpenAsync(
        InstrumentProfile profile, string role, string resource, InstrumentCalibration? calibration, ILoggerFactory? logging, CancellationToken cancellationToken)
        => OpenAsync(profile, role, resource, calibration, logging, null, cancellationToken);

    public static async Task<ProfileSession> OpenAsync(
        InstrumentProfile profile, string role, string resource, InstrumentCalibration? calibration, ILoggerFactory? logging, InstrumentConnectionOptions? connection, CancellationToken cancellationToken)
    {
        connection ??= new InstrumentConnectionOptions();
        if (!profile.HasRole(role))
        {
            throw new BenchInputException(profile.Path, $"profile '{profile.Name}' is not a {role} (its roles: {string.Join(", ", profile.Roles)})");
        }

        var logger = logging?.CreateLogger("Bench.Instruments." + role);
        var scpi = await ScpiSession.OpenAsync(resource, VisaOptions(profile, connection), ScpiOptions(profile), logger, cancellationToken).ConfigureAwait(false);
        if (connection.Transcript is { } transcript)
        {
            scpi.Transcript += transcript;
        }

        try
        {
            var idn = await scpi.IdentifyAsync(cancellationToken).ConfigureAwait(false);
            var identity = Identify(profile, role, resource, idn, calibration);
            if (profile.ErrorQuery is not null)
            {
                _ = await scpi.DrainErrorsAsync(cancellationToken).ConfigureAwait(false); // stale errors from an earlier controller
            }

            foreach (var command in profile.Init)
            {
                await scpi.ConfigureAsync(new CommandTemplate(command).Render(), cancellationToken).ConfigureAwait(false);
            }

            return new ProfileSession(profile, scpi, identity, connection);
        }
        catch
        {
            await scpi.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Renders and sends one configuration step, draining the error queue after it.</summary>
    public Task ConfigureAsync(string commandName, CancellationToken cancellationToken, params (string Name, double Value)[] values)
    {
        var template = Profile.Command(commandName) ?? throw new BenchInputException(Profile.Path, $"profile '{Profile.Name}' has no '{commandName}' command");
        return Scpi.ConfigureAsync(template.Render(values), cancellationToken);
    }

    /// <summary>Sends fixed commands (init, safe state, setup lists), each written as a template without placeholders.</summary>
    public async Task ConfigureAllAsync(IEnumerable<string> commands, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            await Scpi.ConfigureAsync(new CommandTemplate(command).Render(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens a fresh connection after a fault (used by the safe-state path).</summary>
    public async Task ReconnectAsync(ILogger? logger, CancellationToken cancellationToken)
    {
        var old = Scpi;
        await old.DisposeAsync().ConfigureAwait(false);
        Scpi = await ScpiSession.OpenAsync(old.Resource, VisaOptions(Profile, _connection), ScpiOptions(Profile), logger, cancellationToken).ConfigureAwait(false);
        if (_connection.Transcript is { } transcript)
        {
            Scpi.Transcript += transcript;
        }
    }

    public ValueTask DisposeAsync() => Scpi.DisposeAsync();

    internal static InstrumentIdentity Identify(InstrumentProfile profile, string role, string resource, string idn, InstrumentCalibration? calibration)
    {
        var match = profile.IdentityPattern.Match(idn.Trim());
        if (!match.Success)
        {
            throw new InstrumentFaultException(resource, $"*IDN? answered '{Printable(idn)}', which does not match profile '{profile.Name}' ({profile.IdentityPattern})");
        }

        var fields = idn.Trim().Split(',');
        string Field(int i) => i < fields.Length ? fields[i].Trim() : string.Empty;
        string Group(string name, int fallback) => match.Groups[name] is { Success: true } g ? g.Value : Field(fallback);
        return new InstrumentIdentity(role, Field(0), Field(1), Group("serial", 2), Group("firmware", 3), resource)
        {
            CalibrationCertificate = calibration?.Certificate,
            CalibratedOn = calibration?.CalibratedOn,
            CalibrationDue = calibration?.Due,
        };
    }

    private static string Printable(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Length > 80 ? text[..80] + "…" : text)
        {
            sb.Append(char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString());
        }

        return sb.ToString();
    }
}
