using Bench.Core.Quantities;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Sim.Grid;
using Bench.Sim.Meter;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bench.Dut.Tests.Meter;

/// <summary>The Modbus transcript goes to the logger at Debug level, for the run journal.</summary>
public sealed class TranscriptTests
{
    [Test]
    public async Task Every_request_and_response_pdu_is_logged_at_debug()
    {
        var grid = new SimulatedGrid(new FakeTimeProvider());
        grid.Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));
        grid.SwitchOutput(true);
        await using var sim = await SimulatedPm8000.StartAsync(new GridObserver(grid), new SimulatedMeterOptions(), CancellationToken.None);
        var log = new ListLogger();
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, sim.Resource, new ModbusMeterOptions { Logger = log }, CancellationToken.None);

        await meter.ReadSnapshotAsync(CancellationToken.None);

        // First read of the snapshot plan: FC03 from address 2999 (0x0BB7), 84 (0x54) registers (3000–3083: the per-phase
        // values up to PF C); its reply carries 168 (0xA8) bytes. Then frequency (3110) and the energy block (3204–3223).
        Assert.Multiple(() =>
        {
            Assert.That(log.Lines, Has.Some.Contains("→ 030BB70054"));
            Assert.That(log.Lines, Has.Some.Contains("← 03A8"));
            Assert.That(log.Lines.Count(l => l.Contains('→', StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(log.Levels, Is.All.EqualTo(LogLevel.Debug));
        });
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public List<LogLevel> Levels { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
                Levels.Add(logLevel);
            }
        }
    }
}
