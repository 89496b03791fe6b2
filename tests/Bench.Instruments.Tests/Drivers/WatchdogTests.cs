using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Sim.Grid;
using Bench.Sim.Instruments;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Instruments.Tests.Drivers;

// The communication watchdog runs on wall-clock time in the simulator: it drops the output when the controller falls
// silent, and the driver's keep-alive prevents that while the driver lives.
public class WatchdogTests
{
    [TestCase(true)]
    [TestCase(false)]
    public async Task OutputSurvivesOnlyWhileTheWatchdogIsFed(bool keepAlive)
    {
        var yaml = File.ReadAllText(InstrumentProfile.FindShipped("bench-sim-source.yaml")).Replace("  timeout_s: 0\n", "  timeout_s: 1\n", StringComparison.Ordinal);
        if (!keepAlive)
        {
            yaml = yaml.Replace("  keep_alive: \"SYSTem:WDOG:RESet\"\n", string.Empty, StringComparison.Ordinal);
        }

        var profile = InstrumentProfile.Parse(yaml, "watchdog.yaml");
        Assert.That(profile.Watchdog!.TimeoutS, Is.EqualTo(1));
        var grid = new SimulatedGrid(new FakeTimeProvider());
        await using var sim = await SimulatedSource.StartAsync(grid, new SimulatedInstrumentOptions { Profile = profile, ServeVxi11 = false, ServeHiSlip = false }, CancellationToken.None);
        await using var source = await InstrumentConnector.OpenSourceAsync(profile, sim.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        await source.ApplyAsync(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50), CancellationToken.None);
        Assert.That(grid.State.OutputOn, Is.True);

        await Task.Delay(TimeSpan.FromSeconds(3.5)); // more than three watchdog periods of silence from the plan
        Assert.That(grid.State.OutputOn, Is.EqualTo(keepAlive));
    }
}
