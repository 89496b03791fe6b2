using System.Diagnostics;

namespace Bench.Reports.Tests.Support;

/// <summary>Runs a Python snippet with Debian's /usr/bin/python3: an independent parser (xml.etree, csv) for the files Bench writes.</summary>
internal static class Python
{
    public static string Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start /usr/bin/python3");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(30_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python failed ({process.ExitCode}): {errors}");
        }

        return output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
    }
}
