using Bench.Core.Results;

namespace Bench.Reports.Json;

/// <summary>The inverse of <see cref="VerdictExtensions.ToWireText"/>, for reading results.json back.</summary>
internal static class VerdictText
{
    public static bool TryParse(string? text, out Verdict verdict)
    {
        foreach (var candidate in Enum.GetValues<Verdict>())
        {
            if (string.Equals(candidate.ToWireText(), text, StringComparison.Ordinal))
            {
                verdict = candidate;
                return true;
            }
        }

        verdict = Verdict.Incomplete;
        return false;
    }
}
