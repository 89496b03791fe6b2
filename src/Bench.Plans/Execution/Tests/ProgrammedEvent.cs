using Bench.Dut.Events;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// One event of the sequence in the meter's shape: the reference of an event comparison. <see cref="Expected"/> is what
/// the source was told to run, or what the reference standard measured (<see cref="MeasuredBy"/> names it); null for a
/// setting between the dip and swell thresholds that nothing measured (no event expected). <see cref="TriggerLatency"/>
/// is how long the trigger took to send (the start lies in it).
/// </summary>
public sealed record ProgrammedEvent(int Number, PqEvent? Expected, double ResidualPercent, int PhaseMask, TimeSpan TriggerLatency, bool Short)
{
    /// <summary>When the trigger was sent (the programmed start, also for a setting that expects no event).</summary>
    public DateTimeOffset TriggeredAt { get; init; }

    /// <summary>The instrument whose measurement <see cref="Expected"/> is; null when it is the programmed event.</summary>
    public string? MeasuredBy { get; init; }

    /// <summary>The programmed event when <see cref="Expected"/> is a measurement of it.</summary>
    public PqEvent? Planned { get; init; }

    /// <summary>Why this reference is what it is, when that is worth a word on its line.</summary>
    public string? Note { get; init; }

    /// <summary>Thresholds of power-quality.md §4 (typical, unconfirmed): dip below 90 % Udin, swell above 110 %, interruption below 5 % on every phase.</summary>
    public static PqEventKind? KindOf(double extremePercentOfUdin, bool allPhases) => extremePercentOfUdin switch
    {
        < 5 when allPhases => PqEventKind.Interruption,
        < 90 => PqEventKind.Dip,
        > 110 => PqEventKind.Swell,
        _ => null,
    };

    public string Describe(double frequencyHz)
    {
        var text = (Expected, Planned) switch
        {
            ({ } e, { } p) => FormattableString.Invariant($"#{Number} {Shape(p, frequencyHz)}, measured {Shape(e, frequencyHz)}"),
            ({ } e, null) => FormattableString.Invariant($"#{Number} {(MeasuredBy is null ? "" : "measured ")}{Shape(e, frequencyHz)}"),
            _ => FormattableString.Invariant($"#{Number} {ResidualPercent:0.###} % on {Phases(PhaseMask)} (inside the thresholds: no event expected)"),
        };
        return Note is null ? text : $"{text} ({Note})";
    }

    private static string Shape(PqEvent e, double frequencyHz) =>
        FormattableString.Invariant($"{e.Kind.ToString().ToLowerInvariant()} {e.ExtremePercentOfDeclared:0.###} % Udin {e.Duration.TotalMilliseconds:0.#} ms ({e.Duration.TotalSeconds * frequencyHz:0.#} cycles) {Phases(e.PhaseMask)}");

    public static string Phases(int mask) => PqEvent.Phases(mask);
}
