using Bench.Core.Errors;

namespace Bench.Instruments.Profiles;

/// <summary>
/// Finds files shipped in a top-level folder of the repository (instruments/, fixtures/, testplans/): next to the
/// executable first, then walking up from the app base directory and the working directory to the repository root.
/// </summary>
public static class ShippedFiles
{
    public static string Find(string folder, string fileName)
    {
        if (System.IO.Path.IsPathRooted(fileName) && File.Exists(fileName))
        {
            return fileName;
        }

        var tried = new List<string>();
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, folder, fileName);
                tried.Add(candidate);
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Bench.sln")))
                {
                    break;
                }
            }
        }

        throw new BenchInputException(fileName, $"shipped file not found in any {folder}/ folder (looked at {string.Join(", ", tried.Distinct())})");
    }
}
