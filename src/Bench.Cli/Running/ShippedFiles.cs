using Bench.Core.Errors;

namespace Bench.Cli.Running;

/// <summary>
/// The repository's folders for the CLI: the root (for reports/output and the plan list) and user arguments that
/// name either a path or a shipped file (looked up by <see cref="Instruments.Profiles.ShippedFiles"/>).
/// </summary>
public static class ShippedFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>A user's path as given, or a shipped file by its name inside <paramref name="folder"/>.</summary>
    public static string Resolve(string pathOrName, string folder, string option)
    {
        if (File.Exists(pathOrName))
        {
            return System.IO.Path.GetFullPath(pathOrName);
        }

        try
        {
            return Instruments.Profiles.ShippedFiles.Find(folder, pathOrName);
        }
        catch (BenchInputException)
        {
            throw new BenchInputException(option, $"'{pathOrName}' not found (neither as a path nor in the shipped {folder}/ folder)");
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(System.IO.Path.Combine(dir.FullName, "testplans")) && Directory.Exists(System.IO.Path.Combine(dir.FullName, "instruments")))
                {
                    return dir.FullName;
                }
            }
        }

        return AppContext.BaseDirectory;
    }
}
