namespace Bench.Cli.Running;

/// <summary>The contract of shared/ARCHITECTURE.md: scripts and CI read these.</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int IncompleteOrAborted = 2;
    public const int BadInput = 3;
}
