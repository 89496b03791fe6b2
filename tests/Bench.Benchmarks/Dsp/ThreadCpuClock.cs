using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Bench.Benchmarks.Dsp;

/// <summary>
/// CPU time of the calling thread (clock_gettime CLOCK_THREAD_CPUTIME_ID on Linux): on a shared machine this is the
/// honest cost of the measuring thread, without the neighbours (wall time) or the runtime's background threads
/// (process CPU time: tiered JIT, GC). Falls back to process CPU time where the call is not available.
/// </summary>
public static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsPerThread { get; } = OperatingSystem.IsLinux();

    public static TimeSpan Now()
    {
        if (IsPerThread && clock_gettime(ClockThreadCpuTimeId, out var ts) == 0)
        {
            return TimeSpan.FromTicks((ts.Seconds * TimeSpan.TicksPerSecond) + (ts.Nanoseconds / 100));
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
