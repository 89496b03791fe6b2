using System.Globalization;

using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Plans.Model;
using Bench.Plans.Yaml;
using Bench.Standards.Limits;

namespace Bench.Plans.Loading;

/// <summary>
/// The keys an IEC 61000-4-30 point adds for events, harmonics, unbalance and flicker (docs in
/// testplans/iec62586-2-classA-pq.yaml):
/// <code>
/// - { id: E1, parameter: events, gap-s: 1, events: [ { residual: 70, duration-ms: 100, phases: L1 L2 L3 }, { residual: 120, duration-cycles: 25, gap-s: 2 } ] }
/// - { id: E2, parameter: events, event-set: iec61000-4-11-class3, gap-s: 2, start-tolerance-ms: 500, meter-clock: unsynchronised }
/// - { id: T1, parameter: thd, harmonics: { h3: 5, h5: 6, h7: 5 } }
/// - { id: H5, parameter: harmonic, order: 5, harmonics: { h5: 6 } }
/// - { id: U2, parameter: unbalance, unbalance: 2 }
/// - { id: P1, parameter: flicker, flicker: { changes-per-minute: 1620, delta-u: 0.407 } }
/// </code>
/// </summary>
public static class PowerQualityPointReader
{
    public static readonly (string Name, PowerQualityParameter Parameter)[] Parameters =
    [
        ("events", PowerQualityParameter.VoltageEvents),
        ("unbalance", PowerQualityParameter.Unbalance),
        ("harmonic", PowerQualityParameter.VoltageHarmonic),
        ("thd", PowerQualityParameter.VoltageThd),
        ("flicker", PowerQualityParameter.Flicker),
    ];

    private const int MaxOrder = 50;

    public static PowerQualityStimulus Read(YamlMap p, string id, PowerQualityParameter parameter) => parameter switch
    {
        PowerQualityParameter.VoltageEvents => ReadEvents(p, id),
        PowerQualityParameter.VoltageThd => new PowerQualityStimulus { VoltageHarmonics = ReadHarmonics(p, id) },
        PowerQualityParameter.VoltageHarmonic => ReadHarmonic(p, id),
        PowerQualityParameter.Unbalance => new PowerQualityStimulus { UnbalancePercent = Required(p, id, "unbalance", 0, 20) },
        PowerQualityParameter.Flicker => ReadFlicker(p, id),
        _ => new PowerQualityStimulus(),
    };

    private static PowerQualityStimulus ReadEvents(YamlMap p, string id)
    {
        var gap = p.OptionalDouble("gap-s") ?? 1;
        if (gap < 0)
        {
            throw new BenchInputException(p.At(p.Scalar("gap-s")!), "'gap-s' must not be negative");
        }

        var startTolerance = p.OptionalDouble("start-tolerance-ms");
        if (startTolerance is <= 0)
        {
            throw new BenchInputException(p.At(p.Scalar("start-tolerance-ms")!), "'start-tolerance-ms' must be positive");
        }

        var clockNode = p.Scalar("meter-clock");
        var unsynchronised = clockNode?.Value?.Trim().ToLowerInvariant() switch
        {
            null or "synchronised" or "synchronized" => false,
            "unsynchronised" or "unsynchronized" => true,
            _ => throw new BenchInputException(p.At(clockNode!), $"'{clockNode!.Value}': meter-clock is synchronised or unsynchronised"),
        };
        var setNode = p.Scalar("event-set");
        if (setNode is not null && p.Has("events"))
        {
            throw new BenchInputException(p.At(setNode), $"point '{id}': give either 'events' or 'event-set', not both");
        }

        if (setNode is not null)
        {
            var levels = PowerQualityEventSets.Find(setNode.Value ?? "")
                ?? throw new BenchInputException(p.At(setNode), $"'{setNode.Value}': event-set is one of {string.Join(", ", PowerQualityEventSets.Names)}");
            // Cycles at 50 Hz and 60 Hz differ (10/12, 25/30 …): the level keeps both, the runner picks by frequency.
            return new PowerQualityStimulus
            {
                StartToleranceS = startTolerance / 1000,
                MeterClockUnsynchronised = unsynchronised,
                EventSet = setNode.Value!.Trim().ToLowerInvariant(),
                Events = levels.Select(l => new PlannedVoltageEvent(l.ResidualPercent, null, l.Cycles50Hz, [1, 2, 3], gap) { Cycles60Hz = l.Cycles60Hz }).ToList(),
            };
        }

        if (!p.Has("events"))
        {
            throw new BenchInputException(p.Where, $"point '{id}': an events point needs 'events' (a list) or 'event-set'");
        }

        var events = p.RequiredList("events").Select(e => ReadEvent(e, gap)).ToList();
        return new PowerQualityStimulus { Events = events, StartToleranceS = startTolerance / 1000, MeterClockUnsynchronised = unsynchronised };
    }

    private static PlannedVoltageEvent ReadEvent(YamlMap e, double defaultGap)
    {
        var residual = Required(e, "event", "residual", 0, 200);
        var given = new[] { "duration-ms", "duration-s", "duration-cycles" }.Where(e.Has).ToList();
        if (given.Count != 1)
        {
            throw new BenchInputException(e.Where, "an event needs exactly one of 'duration-ms', 'duration-s' or 'duration-cycles'");
        }

        var duration = e.OptionalDouble(given[0])!.Value;
        if (duration <= 0)
        {
            throw new BenchInputException(e.At(e.Scalar(given[0])!), $"'{given[0]}' must be positive");
        }

        var gap = e.OptionalDouble("gap-s") ?? defaultGap;
        if (gap < 0)
        {
            throw new BenchInputException(e.At(e.Scalar("gap-s")!), "'gap-s' must not be negative");
        }

        var phases = ReadPhases(e);
        e.RejectUnknownKeys();
        return given[0] switch
        {
            "duration-ms" => new PlannedVoltageEvent(residual, duration / 1000, null, phases, gap),
            "duration-s" => new PlannedVoltageEvent(residual, duration, null, phases, gap),
            _ => new PlannedVoltageEvent(residual, null, duration, phases, gap),
        };
    }

    private static int[] ReadPhases(YamlMap e)
    {
        var node = e.Scalar("phases");
        var text = node?.Value?.Trim().ToUpperInvariant() ?? "ALL";
        if (text == "ALL")
        {
            return [1, 2, 3];
        }

        var phases = new SortedSet<int>();
        foreach (var word in text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            phases.Add(word switch
            {
                "L1" => 1,
                "L2" => 2,
                "L3" => 3,
                _ => throw new BenchInputException(e.At(node!), $"'{node!.Value}': phases is 'all' or a list like 'L1 L3'"),
            });
        }

        return [.. phases];
    }

    private static IReadOnlyList<HarmonicComponent> ReadHarmonics(YamlMap p, string id)
    {
        var map = p.OptionalMap("harmonics") ?? throw new BenchInputException(p.Where, $"point '{id}': missing 'harmonics' (e.g. {{ h3: 5, h5: 6 }}, % of the fundamental)");
        var list = new List<HarmonicComponent>();
        for (var order = 2; order <= MaxOrder; order++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"h{order}");
            if (map.OptionalDouble(key) is { } percent)
            {
                if (percent is < 0 or > 50)
                {
                    throw new BenchInputException(map.At(map.Scalar(key)!), $"'{key}' is a percentage of the fundamental from 0 to 50");
                }

                list.Add(new HarmonicComponent(order, percent, 0));
            }
        }

        map.RejectUnknownKeys();
        return list.Count > 0 ? list : throw new BenchInputException(map.Where, $"'harmonics' names no order h2…h{MaxOrder}");
    }

    private static PowerQualityStimulus ReadHarmonic(YamlMap p, string id)
    {
        var order = (int)Required(p, id, "order", 2, MaxOrder);
        var harmonics = ReadHarmonics(p, id);
        return harmonics.Any(h => h.Order == order)
            ? new PowerQualityStimulus { VoltageHarmonics = harmonics, HarmonicOrder = order }
            : throw new BenchInputException(p.Where, $"point '{id}': 'harmonics' sets no h{order}, the order it compares");
    }

    private static PowerQualityStimulus ReadFlicker(YamlMap p, string id)
    {
        var map = p.OptionalMap("flicker") ?? throw new BenchInputException(p.Where, $"point '{id}': missing 'flicker' ({{ changes-per-minute: 1620, delta-u: 0.407 }})");
        var cpm = Required(map, id, "changes-per-minute", 0.1, 10000);
        var delta = Required(map, id, "delta-u", 0, 50);
        map.RejectUnknownKeys();
        return new PowerQualityStimulus { Flicker = (cpm, delta) };
    }

    private static double Required(YamlMap map, string id, string key, double min, double max)
    {
        var value = map.OptionalDouble(key) ?? throw new BenchInputException(map.Where, $"point '{id}': missing '{key}'");
        return value >= min && value <= max
            ? value
            : throw new BenchInputException(map.At(map.Scalar(key)!), string.Create(CultureInfo.InvariantCulture, $"'{key}' lies in {min}…{max}"));
    }
}
