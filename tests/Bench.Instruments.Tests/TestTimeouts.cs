namespace Bench.Instruments.Tests;

/// <summary>
/// Connection options for tests that do not test timeouts: generous, because the suite shares two cores with other
/// builds and a profile's 2-s timeout then fails for the wrong reason.
/// </summary>
internal static class TestTimeouts
{
    public static InstrumentConnectionOptions Connection { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };
}
