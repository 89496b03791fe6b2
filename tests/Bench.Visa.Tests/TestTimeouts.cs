using Bench.Visa.Sessions;

namespace Bench.Visa.Tests;

/// <summary>
/// Timeouts for tests that do not test timeouts: generous, because the suite shares two cores with other builds and a
/// 2-s instrument timeout then fails for the wrong reason.
/// </summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Io = TimeSpan.FromSeconds(10);

    public static VisaSessionOptions Session => new() { Timeout = Io };
}
