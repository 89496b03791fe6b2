using Bench.Core.Identity;

namespace Bench.Dut.Meter;

/// <summary>The meter under test as the executor sees it, whatever protocol reaches it.</summary>
public interface IMeterUnderTest : IAsyncDisposable
{
    /// <summary>Where the meter was reached, e.g. <c>modbus-tcp://127.0.0.1:502?unit=1</c>.</summary>
    string Resource { get; }

    Task<MeterIdentity> ReadIdentityAsync(CancellationToken cancellationToken);

    /// <summary>Reads the energy registers and instantaneous values in as few requests as the meter allows.</summary>
    Task<MeterSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken);
}
