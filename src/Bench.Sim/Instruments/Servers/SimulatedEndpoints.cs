using Bench.Sim.Instruments.Scpi;

using Microsoft.Extensions.Logging;

namespace Bench.Sim.Instruments.Servers;

/// <summary>The servers one simulated instrument listens on, started together and stopped together.</summary>
internal sealed class SimulatedEndpoints : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    public string SocketResource { get; private set; } = string.Empty;

    public string? Vxi11Resource { get; private set; }

    public string? HiSlipResource { get; private set; }

    public List<string> Resources { get; } = [];

    public static async Task<SimulatedEndpoints> StartAsync(ScpiDevice device, SimulatedInstrumentOptions options, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var log = options.Logging?.CreateLogger("Bench.Sim." + device.Profile.Name);
        var endpoints = new SimulatedEndpoints();
        try
        {
            var socket = SocketScpiServer.Start(device, options.Host, options.Port, log);
            endpoints._owned.Add(socket);
            endpoints.SocketResource = socket.Resource;
            endpoints.Resources.Add(socket.Resource);
            if (options.ServeVxi11)
            {
                var vxi = options.SharedVxi11;
                if (vxi is null)
                {
                    vxi = Vxi11Server.Start(options.Host, options.TryPortmapper, 0, log);
                    endpoints._owned.Add(vxi);
                }

                vxi.Register(options.Vxi11DeviceName, device);
                endpoints.Vxi11Resource = vxi.ResourceFor(options.Vxi11DeviceName);
                endpoints.Resources.Add(endpoints.Vxi11Resource);
            }

            if (options.ServeHiSlip)
            {
                var hislip = options.SharedHiSlip;
                if (hislip is null)
                {
                    hislip = HiSlipServer.Start(options.Host, options.HiSlipPort, options.HiSlipOverlapped, log);
                    endpoints._owned.Add(hislip);
                }

                hislip.Register(options.HiSlipSubAddress, device);
                endpoints.HiSlipResource = hislip.ResourceFor(options.HiSlipSubAddress);
                endpoints.Resources.Add(endpoints.HiSlipResource);
            }

            if (options.SerialPort is { } serial)
            {
                endpoints._owned.Add(SerialScpiServer.Start(device, serial, device.Profile.Transport.BaudRate, log));
                endpoints.Resources.Add($"ASRL{serial}::INSTR");
            }
        }
        catch
        {
            await endpoints.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return endpoints;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _owned)
        {
            await s.DisposeAsync().ConfigureAwait(false);
        }

        _owned.Clear();
    }
}
