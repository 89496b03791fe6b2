using System.Diagnostics;

namespace Bench.Reports.Tests.Support;

/// <summary>Runs an installed command-line tool (poppler-utils) and returns its standard output.</summary>
internal static class Tools
{
    public static string Run(string tool, params string[] args) => RunCapturing(tool, args).Output;

    /// <summary>Runs the tool and returns standard output and standard error; throws on a non-zero exit code.</summary>
    public static (string Output, string Errors) RunCapturing(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {tool}");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(30_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors}");
        }

        return (output, errors);
    }
}
