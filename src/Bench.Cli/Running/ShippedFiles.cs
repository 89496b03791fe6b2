using Bench.Core.Errors;

namespace Bench.Cli.Running;

/// <summary>
/// Finds the shipped folders (testplans, fixtures, instruments, reports): in the current directory's repository,
/// or next to the executable (walking up from its base directory to the folder that holds them).
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

        var shipped = Path(folder, pathOrName);
        if (File.Exists(shipped))
        {
            return shipped;
        }

        throw new BenchInputException(option, $"'{pathOrName}' not found (neither as a path nor in {Path(folder)})");
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
