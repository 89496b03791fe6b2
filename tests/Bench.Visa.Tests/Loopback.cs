namespace Bench.Visa.Tests;

/// <summary>
/// A loopback address of its own for a test (Linux routes all of 127/8 to lo), so that a portmapper on port 111 there
/// belongs to this test's simulator and not to another test running at the same time.
/// </summary>
internal static class Loopback
{
    public static string Unique() => $"127.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
}
