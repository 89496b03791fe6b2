namespace Bench.Plans.Tests;

/// <summary>Finds shipped files (testplans/, fixtures/) by walking up from the test binaries to the repository root.</summary>
internal static class Repository
{
    public static string File(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Bench.sln")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("repository root (Bench.sln) not found above " + AppContext.BaseDirectory);
    }
}
