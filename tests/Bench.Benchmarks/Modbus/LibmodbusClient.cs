using System.Diagnostics;
using System.Globalization;

using Bench.Benchmarks.Visa;

namespace Bench.Benchmarks.Modbus;

/// <summary>
/// The peer of the benchmark: a small C client built against Debian's libmodbus with gcc at run time. It stays
/// connected and, for every "SECONDS" line on its standard input, runs FC03 reads for that long and answers
/// "RATE CPU_US" by its own monotonic clock and its own CPU clock, so rounds interleave with Bench's.
/// </summary>
internal sealed class LibmodbusClient : IBenchmarkClient
{
    private const string Source = """
        #include <errno.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <time.h>
        #include <modbus.h>

        static double now(clockid_t clock) { struct timespec t; clock_gettime(clock, &t); return t.tv_sec + t.tv_nsec / 1e9; }

        /* usage: fc03 HOST PORT UNIT ADDRESS COUNT; then one "SECONDS" line per round -> "RATE CPU_US" */
        int main(int argc, char **argv) {
            if (argc != 6) { fprintf(stderr, "usage: fc03 host port unit address count\n"); return 2; }
            modbus_t *ctx = modbus_new_tcp(argv[1], atoi(argv[2]));
            modbus_set_slave(ctx, atoi(argv[3]));
            if (modbus_connect(ctx) == -1) { fprintf(stderr, "connect: %s\n", modbus_strerror(errno)); return 1; }
            int address = atoi(argv[4]), count = atoi(argv[5]);
            uint16_t regs[125];
            for (int k = 0; k < 2000; k++) {
                if (modbus_read_registers(ctx, address, count, regs) != count) { fprintf(stderr, "warm-up read: %s\n", modbus_strerror(errno)); return 1; }
            }
            printf("ready\n"); fflush(stdout);
            double seconds;
            while (scanf("%lf", &seconds) == 1) {
                long n = 0;
                double cpu = now(CLOCK_PROCESS_CPUTIME_ID), start = now(CLOCK_MONOTONIC), elapsed;
                while ((elapsed = now(CLOCK_MONOTONIC) - start) < seconds) {
                    for (int k = 0; k < 64; k++) {
                        if (modbus_read_registers(ctx, address, count, regs) != count) { fprintf(stderr, "read: %s\n", modbus_strerror(errno)); return 1; }
                    }
                    n += 64;
                }
                printf("%.3f %.3f\n", n / elapsed, (now(CLOCK_PROCESS_CPUTIME_ID) - cpu) / n * 1e6); fflush(stdout);
            }
            modbus_close(ctx);
            modbus_free(ctx);
            return 0;
        }
        """;

    private readonly Process _process;

    private LibmodbusClient(Process process) => _process = process;

    public string Name => "libmodbus";

    /// <summary>Compiles the client into a fresh temp folder; returns the executable's path.</summary>
    public static async Task<string> BuildAsync(CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("bench-libmodbus-").FullName;
        var source = Path.Combine(folder, "fc03.c");
        var exe = Path.Combine(folder, "fc03");
        await File.WriteAllTextAsync(source, Source, ct).ConfigureAwait(false);
        var gcc = new ProcessStartInfo("gcc") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-O2", "-I/usr/include/modbus", "-o", exe, source, "-lmodbus" })
        {
            gcc.ArgumentList.Add(a);
        }

        using var process = Process.Start(gcc) ?? throw new InvalidOperationException("cannot start gcc");
        var errors = await process.StandardError.ReadToEndAsync(ct).ConfigureAwait(false);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        return process.ExitCode == 0 ? exe : throw new InvalidOperationException($"gcc failed (needs libmodbus-dev): {errors}");
    }

    public static async Task<LibmodbusClient> StartAsync(string exe, int port, byte unit, int address, int count, CancellationToken ct)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "127.0.0.1", Invariant(port), Invariant(unit), Invariant(address), Invariant(count) })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {exe}");
        if (await process.StandardOutput.ReadLineAsync(ct).ConfigureAwait(false) != "ready")
        {
            throw new InvalidOperationException("the libmodbus client could not read the simulated meter");
        }

        return new LibmodbusClient(process);
    }

    public async Task<RoundTripSample> RunAsync(double seconds, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(seconds.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("the libmodbus client ended");
        var parts = line.Split(' ');
        return new RoundTripSample(double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture), double.NaN);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
