namespace Bench.Reports.Tests.Support;

/// <summary>For a human look at the layout: with BENCH_REPORTS_KEEP=DIR set, tests keep a copy of each file they write.</summary>
internal static class KeptOutput
{
    public static void Keep(string path, string name)
    {
        if (Environment.GetEnvironmentVariable("BENCH_REPORTS_KEEP") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(path, Path.Combine(keep, name), overwrite: true);
        }
    }
}
