using System.Globalization;

using Bench.Core.Results;
using Bench.Plans.Execution;

namespace Bench.Cli.Running;

/// <summary>
/// One plain line per point: readable in a terminal, a CI log and a redirected file alike. The same line can also go to
/// <paramref name="alsoTo"/> (the transcript), where it closes the point: every exchange since the previous point's line
/// belongs to it.
/// </summary>
public sealed class ConsoleProgress(TextWriter output, Action<string>? alsoTo = null) : IProgress<PointProgress>
{
    private const int MaxReason = 240;

    public void Report(PointProgress value)
    {
        var r = value.Result;
        var s = r.Setpoint;
        var width = value.Count.ToString(CultureInfo.InvariantCulture).Length;
        var index = value.Index.ToString(CultureInfo.InvariantCulture).PadLeft(width);
        var error = r.ErrorPercent is { } e ? Math.Round(e, 4).ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture) + " " + r.ErrorUnit : "   --   ";
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"[{index}/{value.Count}] {r.Id,-12} {s.CurrentA,8:0.####} A ({s.CurrentPercentOfNominal,5:0.#} % In) {(s.PowerFactor.StartsWith("sin", StringComparison.Ordinal) ? "" : "PF ")}{s.PowerFactor,-5} error {error,11}  limit ±{r.LimitPercent:0.###} {r.ErrorUnit}  {r.Verdict.ToWireText()}");
        if (r.Reason is { } reason)
        {
            // An events point explains every event; a terminal line keeps the start, results.json keeps it all.
            line += reason.Length <= MaxReason ? $"  ({reason})" : $"  ({reason[..MaxReason]}… full reason in results.json)";
        }

        output.WriteLine(line);
        alsoTo?.Invoke(line);
    }
}
