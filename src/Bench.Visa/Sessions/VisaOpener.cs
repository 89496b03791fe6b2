using Bench.Core.Errors;
using Bench.Visa.Resources;
using Bench.Visa.Transports;

namespace Bench.Visa.Sessions;

/// <summary>Opens a message session for a resource name with Bench's own transports.</summary>
public static class VisaOpener
{
    public static async Task<MessageSession> OpenAsync(string resource, VisaSessionOptions? options, CancellationToken cancellationToken)
    {
        options ??= new VisaSessionOptions();
        var name = VisaResourceParser.Parse(resource);
        var transport = await OpenTransportAsync(name, options, cancellationToken).ConfigureAwait(false);
        return new MessageSession(transport, options);
    }

    public static async Task<IMessageTransport> OpenTransportAsync(VisaResourceName name, VisaSessionOptions options, CancellationToken cancellationToken)
    {
        if (options.VendorLibrary is { } vendor)
        {
            return await Task.Run(() => VendorVisaTransport.Open(name.Original, vendor, options.OpenTimeout), cancellationToken).ConfigureAwait(false);
        }

        return name.Kind switch
        {
            VisaTransportKind.TcpipSocket => await SocketTransport.ConnectAsync(name.Original, name.Host!, name.Port!.Value, options.OpenTimeout, cancellationToken).ConfigureAwait(false),
            VisaTransportKind.Vxi11 => await Vxi11Transport.ConnectAsync(name.Original, name.Host!, name.Port, name.DeviceName!, options.OpenTimeout, cancellationToken).ConfigureAwait(false),
            VisaTransportKind.HiSlip => await HiSlipTransport.ConnectAsync(name.Original, name.Host!, name.Port ?? VisaResourceName.HiSlipDefaultPort, name.DeviceName!, options.OpenTimeout, cancellationToken).ConfigureAwait(false),
            VisaTransportKind.Serial => SerialTransport.Open(name.Original, name.SerialPort!, options.Serial),
            _ => throw new BenchInputException(name.Original, $"Bench has no native transport for {name.Interface} {name.ResourceClass} resources; configure a vendor VISA library in the bench profile"),
        };
    }
}
