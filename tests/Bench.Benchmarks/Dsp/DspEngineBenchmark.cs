using System.Diagnostics;
using System.Globalization;

using Bench.Core.Quantities;
using Bench.Dsp.Streaming;
using Bench.Waveforms.Synthesis;

namespace Bench.Benchmarks.Dsp;

/// <summary>
/// The issue-4 figures: 3P4W (6 channels) at 512 samples per cycle, 50 Hz, every measurement on (harmonics to the
/// 50th, interharmonics, flicker, events, RVC, aggregation), on one thread. Prints the real-time factor after warm-up,
/// the bytes allocated per cycle in steady state, and the managed heap along a long stream (default 2 h of signal;
/// `--hours 24` for the full day). Options: --seconds N (timed run, default 60), --hours H, --spc N (samples per
/// cycle, default 512), --events (a dip every second).
/// </summary>
public static class DspEngineBenchmark
{
    private const double Hz = 50;

    public static int Run(string[] args)
    {
        var seconds = Option(args, "--seconds", 60);
        var hours = Option(args, "--hours", 2);
        var samplesPerCycle = Option(args, "--spc", 512);
        var withEvents = args.Contains("--events");
        var fs = Hz * samplesPerCycle;

        // 1 s of a distorted, flickering, unbalanced, loaded signal, replayed: the engine cannot tell, and synthesis stays out of the timing.
        var setpoint = ThreePhaseSetpoint.Balanced(230, 5, new PowerFactor(0.8, LoadKind.Inductive), Hz);
        var phases = setpoint.Phases.Select((p, k) => p with
        {
            VoltageV = 230 * (1 + (0.01 * k)),
            VoltageHarmonics = [new(3, 4, 0), new(5, 5, 30), new(7, 3, 60), new(11, 1.5, 0), new(7.5, 0.5, 0)],
            CurrentHarmonics = [new(3, 20, 0), new(5, 12, 0), new(7, 8, 0)],
        }).ToArray();
        var signal = new TestSignal(setpoint with { Phases = phases }) { Flicker = new FlickerModulation(ModulationShape.Sine, 8.8, 0.3), VoltageNoisePercent = 0.01 };
        if (withEvents)
        {
            // --events: a 3-cycle dip of L1 to 50 % in every second, so the event path runs too (allocation per event).
            signal = signal with { VoltageEvents = [VoltageEvent.AtPointOnWave(25, 30, Hz, 3 / Hz, 50) with { Phases = [0] }] };
        }

        var record = TestSignalSynthesizer.Synthesize(signal, fs, (int)fs);
        var second = TestSignalSynthesizer.Interleave(record);

        var observer = new CountingObserver();
        var meter = new ReferenceMeter(new MeterSettings(fs, Hz, 230, Wiring.ThreePhaseFourWire), observer);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dsp-engine: 3P4W, 6 channels, {samplesPerCycle} samples/cycle at {Hz} Hz ({fs} Hz), harmonics by {(meter.UsesFft ? "resampled FFT" : "exact DFT")}, flicker on"));

        // Warm-up: let tiered JIT settle. Methods are promoted to tier 1 only after a 100 ms quiet period of the tiering
        // timer, so the warm-up runs for at least 1.5 s of wall time (and 60 s of signal), not just a number of calls.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 60 || warm.Elapsed.TotalSeconds < 1.5; i++)
        {
            meter.Process(second);
        }

        using var process = Process.GetCurrentProcess();
        var processCpu = process.TotalProcessorTime;
        var cpu = ThreadCpuClock.Now();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < seconds; i++)
        {
            meter.Process(second);
        }

        var wall = clock.Elapsed.TotalSeconds;
        var cpuUsed = (ThreadCpuClock.Now() - cpu).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        process.Refresh();
        var processUsed = (process.TotalProcessorTime - processCpu).TotalSeconds;
        var cycles = seconds * Hz;

        // The measuring thread's CPU time is the figure to quote on a shared machine; wall time includes whatever else
        // runs, process CPU time the runtime's background threads (tiered JIT, GC).
        var clockName = ThreadCpuClock.IsPerThread ? "thread CPU" : "process CPU";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"real-time factor: {seconds / cpuUsed:0}x on {clockName} time, {seconds / wall:0}x on wall time, {seconds / processUsed:0}x on process CPU time"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {seconds} s of signal ({cycles} cycles): {cpuUsed * 1000:0} ms {clockName}, {wall * 1000:0} ms wall, {processUsed * 1000:0} ms process CPU; {cpuUsed / cycles * 1e6:0.0} µs {clockName} per cycle, {wall / cycles * 1e6:0.0} µs wall per cycle"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocation: {allocated / cycles:0.0} bytes per cycle in steady state ({allocated} bytes over {cycles} cycles, {observer.Events} events)"));

        // Long stream: heap after a full GC, every simulated 10 minutes (every hour past 2 h).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory over {hours} h of signal (managed heap after GC, working set):"));
        var total = (int)(hours * 3600);
        var first = Heap();
        var every = hours > 2 ? 3600 : 600;
        for (var s = 1; s <= total; s++)
        {
            meter.Process(second);
            if (s % every == 0)
            {
                var heap = Heap();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  t = {s / 3600.0,5:0.00} h  heap {heap / 1024.0,8:0.0} KiB  (Δ {(heap - first) / 1024.0:+0.0;-0.0} KiB)  working set {Environment.WorkingSet / 1048576.0:0.0} MiB  basic intervals {observer.Intervals}"));
            }
        }

        return 0;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class CountingObserver : IMeterObserver
    {
        public long Intervals { get; private set; }

        public long Events { get; private set; }

        public void OnBasicInterval(IntervalValues values) => Intervals++;

        public void OnEvent(Bench.Dsp.Events.PqEvent value) => Events++;
    }
}
