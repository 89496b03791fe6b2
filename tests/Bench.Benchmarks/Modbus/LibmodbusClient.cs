using System.Diagnostics;
using System.Globalization;

namespace Bench.Benchmarks.Modbus;

/// <summary>
/// The peer of the benchmark: a small C client built against Debian's libmodbus with gcc at run time, which times
/// FC03 round trips against the same server Bench's client talks to.
/// </summary>
internal static class LibmodbusClient
{
    private const string Source = """
        #include <errno.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <time.h>
        #include <modbus.h>

        /* usage: fc03 HOST PORT UNIT ADDRESS COUNT ROUNDS -> prints "ROUNDS SECONDS" */
        int main(int argc, char **argv) {
            if (argc != 7) { fprintf(stderr, "usage: fc03 host port unit address count rounds\n"); return 2; }
            modbus_t *ctx = modbus_new_tcp(argv[1], atoi(argv[2]));
            modbus_set_slave(ctx, atoi(argv[3]));
            if (modbus_connect(ctx) == -1) { fprintf(stderr, "connect: %s\n", modbus_strerror(errno)); return 1; }
            int address = atoi(argv[4]), count = atoi(argv[5]), rounds = atoi(argv[6]);
            uint16_t regs[125];
            for (int k = 0; k < rounds / 10; k++) {
                if (modbus_read_registers(ctx, address, count, regs) != count) { fprintf(stderr, "warm-up read: %s\n", modbus_strerror(errno)); return 1; }
            }
            struct timespec t0, t1;
            clock_gettime(CLOCK_MONOTONIC, &t0);
            for (int k = 0; k < rounds; k++) {
                if (modbus_read_registers(ctx, address, count, regs) != count) { fprintf(stderr, "read: %s\n", modbus_strerror(errno)); return 1; }
            }
            clock_gettime(CLOCK_MONOTONIC, &t1);
            printf("%d %.9f\n", rounds, (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
            modbus_close(ctx);
            modbus_free(ctx);
            return 0;
        }
        """;

    /// <summary>Compiles the client into a fresh temp folder; returns the executable's path.</summary>
    public static async Task<string> BuildAsync(CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("bench-libmodbus-").FullName;
        var source = Path.Combine(folder, "fc03.c");
        var exe = Path.Combine(folder, "fc03");
        await File.WriteAllTextAsync(source, Source, ct);
        await RunAsync("gcc", ["-O2", "-I/usr/include/modbus", "-o", exe, source, "-lmodbus"], ct);
        return exe;
    }

    /// <summary>Round trips per second measured by the C client itself (its own monotonic clock, warm-up excluded).</summary>
    public static async Task<double> RoundTripsPerSecondAsync(string exe, int port, byte unit, int address, int count, int rounds, CancellationToken ct)
    {
        var output = await RunAsync(exe, ["127.0.0.1", Invariant(port), Invariant(unit), Invariant(address), Invariant(count), Invariant(rounds)], ct);
        var parts = output.Trim().Split(' ');
        return int.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> RunAsync(string file, IEnumerable<string> arguments, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
