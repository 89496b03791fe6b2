using Bench.Core.Errors;
using Bench.Core.Yaml;
using Bench.Plans.Model;
using Bench.Standards.Limits;

namespace Bench.Plans.Loading;

/// <summary>
/// The keys of an events point: a written sequence (`events:` with residual, duration-ms | duration-s |
/// duration-cycles, phases, gap-s) or a named set (`event-set:`), the default gap, and how starts are judged
/// (start-tolerance-ms, meter-clock), and whether the meter's waveform records are checked (records: required | optional |
/// off). See <see cref="PowerQualityPointReader"/> for the other parameters.
/// </summary>
public static class PowerQualityEventReader
{
    public static PowerQualityStimulus Read(YamlMap p, string id)
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
        var recordsNode = p.Scalar("records");
        var records = recordsNode?.Value?.Trim().ToLowerInvariant() switch
        {
            null or "optional" => EventRecordsMode.Optional,
            "required" => EventRecordsMode.Required,
            "off" => EventRecordsMode.Off,
            _ => throw new BenchInputException(p.At(recordsNode!), $"'{recordsNode!.Value}': records is required, optional or off"),
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
                Records = records,
                EventSet = setNode.Value!.Trim().ToLowerInvariant(),
                Events = levels.Select(l => new PlannedVoltageEvent(l.ResidualPercent, null, l.Cycles50Hz, [1, 2, 3], gap) { Cycles60Hz = l.Cycles60Hz }).ToList(),
            };
        }

        if (!p.Has("events"))
        {
            throw new BenchInputException(p.Where, $"point '{id}': an events point needs 'events' (a list) or 'event-set'");
        }

        var events = p.RequiredList("events").Select(e => ReadEvent(e, gap)).ToList();
        return new PowerQualityStimulus { Events = events, StartToleranceS = startTolerance / 1000, MeterClockUnsynchronised = unsynchronised, Records = records };
    }

    private static PlannedVoltageEvent ReadEvent(YamlMap e, double defaultGap)
    {
        var residual = PowerQualityPointReader.Required(e, "event", "residual", 0, 200);
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
}
