using System.Globalization;

using Bench.Core.Errors;
using Bench.Dut.Events;
using Bench.Dut.Records;
using Bench.Standards.Limits;
using Bench.Waveforms.Comtrade;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// The meter's waveform records as evidence for its event log: the records it made during the sequence (listed before
/// and after, so its clock does not matter) are fetched, Bench.Dsp's Urms(1/2) detection finds the events in them, and
/// each event the meter logged must show in a record and agree with it and with the reference (residual ±0.2 % Udin,
/// duration ±1 cycle for Class A; an event longer than its record is judged on residual only, one logged shorter than
/// 2.5 cycles on detection only). An unreachable or unreadable source leaves the point incomplete, never passed.
/// </summary>
public static class RecordEvidence
{
    /// <param name="Incomplete">The records could not be reached: the point cannot pass.</param>
    /// <param name="MaxDurationDifference">Largest |record − meter| duration among events judged on duration; null when none was.</param>
    public sealed record Outcome(bool Incomplete, bool Passed, string Summary, IReadOnlyList<string> Lines)
    {
        public TimeSpan? MaxDurationDifference { get; init; }

        public double? MaxResidualDifference { get; init; }
    }

    public static async Task<Outcome> CheckAsync(
        IRecordSource source,
        IReadOnlyCollection<string> before,
        IReadOnlyList<PqEvent> meterEvents,
        IReadOnlyList<PqEventMatch> pairs,
        double declaredV,
        PowerQualityEventLimits limits,
        double frequencyHz,
        TimeSpan meterClockOffset,
        CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("bench-records-").FullName;
        try
        {
            IReadOnlyList<ComtradeRecordFiles> fetched;
            try
            {
                var fresh = (await source.ListAsync(cancellationToken).ConfigureAwait(false)).Except(before, StringComparer.OrdinalIgnoreCase).ToList();
                fetched = await source.FetchAsync(fresh, folder, cancellationToken).ConfigureAwait(false);
            }
            catch (InstrumentFaultException e)
            {
                return new Outcome(true, false, $"records: {source.Description} unreachable after the sequence ({e.Message}): the meter's waveforms could not be checked", []);
            }

            var lines = new List<string>();
            var found = new List<(PqEvent Event, string Record, DateTimeOffset RecordEnd)>();
            foreach (var files in fetched)
            {
                try
                {
                    var waveform = ComtradeReader.ReadWaveform(files.ConfigPath);
                    if (waveform.StartTime is not { } start)
                    {
                        lines.Add($"record {files.Name}: FAIL, it carries no start time, so its events cannot be placed");
                        continue;
                    }

                    // The record is stamped by the meter's clock: moved like the meter's logged events, onto the bench's.
                    var events = ReferenceEvents.AsLogged(ReferenceEvents.Detect(waveform, declaredV), start - meterClockOffset, waveform.Voltages.Count());
                    found.AddRange(events.Select(e => (e, files.Name, start - meterClockOffset + TimeSpan.FromSeconds(waveform.DurationS))));
                }
                catch (BenchInputException e)
                {
                    lines.Add($"record {files.Name}: FAIL, unreadable ({e.Message})");
                }
            }

            var passed = lines.Count == 0;
            var cycle = TimeSpan.FromSeconds(1 / frequencyHz);
            var startTolerance = limits.Start(frequencyHz, TimeSpan.Zero);
            TimeSpan? maxDuration = null;
            double? maxResidual = null;
            var unused = found.ToList();
            foreach (var m in meterEvents.OrderBy(e => e.Start))
            {
                // No one-cycle window lies wholly inside an excursion logged shorter than 2.5 cycles: its residual then
                // hangs on where each instrument's sampling grid falls (one sample moves it by tenths of a % Udin).
                var isShort = m.Duration < 2.5 * cycle;
                var match = PqEventComparison.FindMatch(m, unused.Select(f => f.Event), startTolerance, dipOrInterruption: isShort);
                var what = Invariant($"meter {m.Kind.ToString().ToLowerInvariant()} at {m.Start:HH:mm:ss.fff} ({m.Duration.TotalMilliseconds:0.#} ms)");
                if (match is null)
                {
                    passed = false;
                    lines.Add(Invariant($"{what}: FAIL, MISSING RECORD: none of the {fetched.Count} new record(s) shows it within ±{startTolerance.TotalMilliseconds:0.#} ms"));
                    continue;
                }

                var entry = unused.First(f => ReferenceEquals(f.Event, match));
                unused.Remove(entry);
                var seen = Invariant($"record {entry.Record} {match.Kind.ToString().ToLowerInvariant()} {match.ExtremePercentOfDeclared:0.###} % Udin {match.Duration.TotalMilliseconds:0.#} ms");
                if (isShort)
                {
                    lines.Add($"{what}: {seen}; detected (logged shorter than 2.5 cycles: not judged further)");
                    continue;
                }

                var covered = entry.RecordEnd >= m.End + cycle;
                var tolerance = new PqEventTolerance(startTolerance, covered ? limits.Duration(frequencyHz) : TimeSpan.MaxValue, limits.ResidualPercentOfUdin);
                var againstMeter = PqEventComparison.Judge(match, m, tolerance);
                var reference = pairs.FirstOrDefault(p => ReferenceEquals(p.Meter, m))?.Reference;
                var againstReference = reference is null ? null : PqEventComparison.Judge(reference, match, tolerance);
                if (covered)
                {
                    maxDuration = Max(maxDuration, againstMeter.DurationError.Duration());
                }

                maxResidual = Math.Max(maxResidual ?? 0, Math.Abs(againstMeter.ExtremeErrorPercentPoints));
                var ok = againstMeter.Passed && againstReference?.Passed != false;
                passed &= ok;
                string Duration(PqEventMatch j) => covered ? Invariant($"duration {j.DurationError.TotalMilliseconds:+0.#;-0.#;0} ms, ") : "";
                var verdicts = Invariant($"meter − record: {Duration(againstMeter)}residual {againstMeter.ExtremeErrorPercentPoints:+0.###;-0.###;0} % Udin ({againstMeter.Reason})")
                    + (againstReference is null ? "" : Invariant($"; record − reference: {Duration(againstReference)}residual {againstReference.ExtremeErrorPercentPoints:+0.###;-0.###;0} % Udin ({againstReference.Reason})"));
                lines.Add($"{what}: {seen}{(covered ? "" : " (the event outlasts the record: duration not judged)")}; {(ok ? "" : "FAIL: ")}{verdicts}");
            }

            var summary = Invariant($"records: {fetched.Count} new from {source.Description}, {found.Count} event(s) found in them by Urms(1/2), {(passed ? "all agree" : "DISAGREE")}");
            return new Outcome(false, passed, summary, lines) { MaxDurationDifference = maxDuration, MaxResidualDifference = maxResidual };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
