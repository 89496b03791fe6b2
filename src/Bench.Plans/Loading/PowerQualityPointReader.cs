using System.Globalization;

using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Core.Yaml;
using Bench.Plans.Model;
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
        PowerQualityParameter.VoltageEvents => PowerQualityEventReader.Read(p, id),
        PowerQualityParameter.VoltageThd => new PowerQualityStimulus { VoltageHarmonics = ReadHarmonics(p, id) },
        PowerQualityParameter.VoltageHarmonic => ReadHarmonic(p, id),
        PowerQualityParameter.Unbalance => new PowerQualityStimulus { UnbalancePercent = Required(p, id, "unbalance", 0, 20) },
        PowerQualityParameter.Flicker => ReadFlicker(p, id),
        _ => new PowerQualityStimulus(),
    };

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

    internal static double Required(YamlMap map, string id, string key, double min, double max)
    {
        var value = map.OptionalDouble(key) ?? throw new BenchInputException(map.Where, $"point '{id}': missing '{key}'");
        return value >= min && value <= max
            ? value
            : throw new BenchInputException(map.At(map.Scalar(key)!), string.Create(CultureInfo.InvariantCulture, $"'{key}' lies in {min}…{max}"));
    }
}
