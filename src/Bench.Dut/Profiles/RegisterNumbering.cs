namespace Bench.Dut.Profiles;

/// <summary>
/// How the profile numbers registers. Schneider lists are 1-based ("register 3028" is wire address 3027);
/// some third-party maps already give wire addresses.
/// </summary>
public enum RegisterNumbering
{
    OneBased,
    ZeroBased,
}
