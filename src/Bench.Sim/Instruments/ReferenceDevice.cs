using System.Text;
using System.Text.RegularExpressions;

using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Sim.Grid;
using Bench.Sim.Instruments.Scpi;
using Bench.Sim.Meter;

namespace Bench.Sim.Instruments;

/// <summary>
/// The behaviour of a simulated reference standard: measures the grid through a <see cref="GridObserver"/>, applies a
/// small gain error, and integrates energy on the grid's clock between the profile's start and stop commands. When the
/// profile has an 'events' section it also detects dips, swells and interruptions once armed, with the same Class A
/// method as the simulated meter (<see cref="SimulatedEventRecorder"/>: Urms(1/2) on the synthesised waveform).
/// </summary>
internal sealed class ReferenceDevice : ScpiDevice, IDisposable
{
    private const string FieldQueryPrefix = "query_fields:";
    private readonly GridObserver _observer;
    private readonly double _gain;
    private readonly EnergyIntegrator _integrator;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _stoppedAt;
    private readonly Func<long>? _pulses;
    private long _pulseBase;
    private SimulatedEventRecorder? _events;
    private DateTimeOffset _armedAt;
    private (long Version, double[] Values)? _thd;

    public ReferenceDevice(GridObserver observer, InstrumentProfile profile, SimulatedInstrumentOptions options)
        : base(profile, options.Serial, options.Faults)
    {
        _observer = observer;
        _gain = 1 + (options.ReferenceGainErrorPpm * 1e-6);
        _integrator = new EnergyIntegrator(observer, ApplyError, running: false);
        _pulses = options.PulseInput;
    }

    public void Dispose()
    {
        _integrator.Dispose();
        _events?.Dispose();
    }

    protected override string? Handle(string name, Match match, SimulatedConnection connection)
    {
        var now = _observer.Grid.Time.GetUtcNow();
        if (name.StartsWith(FieldQueryPrefix, StringComparison.Ordinal))
        {
            return FieldValues(name[FieldQueryPrefix.Length..], now);
        }

        switch (name)
        {
            case "energy_reset":
                _integrator.Reset(running: false);
                _startedAt = null;
                _stoppedAt = null;
                return null;
            case "energy_start":
                _integrator.Reset(running: true);
                _startedAt = now;
                _stoppedAt = null;
                return null;
            case "energy_stop":
                _integrator.Hold();
                _stoppedAt ??= now;
                return null;
            case "pulse_start":
                _pulseBase = _pulses?.Invoke() ?? 0;
                return null;
            case "events_arm" when match.Groups["declared_v"].Success:
                _events?.Dispose();
                _events = new SimulatedEventRecorder(_observer, Number(match, "declared_v"), capacity: 1000);
                _armedAt = now;
                return null;
            case "events_arm":
                _events?.Dispose();
                _events = null;
                return null;
            case "events_count":
                return Format(_events?.Events.Count ?? 0);
            case "events_query":
                return EventFields((int)Number(match, "index"));
            case "pulse_query":
                return Format((_pulses?.Invoke() ?? 0) - _pulseBase);
            default:
                return name.StartsWith("query", StringComparison.Ordinal) ? "0" : null;
        }
    }

    /// <summary>
    /// One reply for a field query. Measurement, energy and THD may share the query text (Yokogawa's
    /// :NUMeric:NORMal:VALue?), so every spec with this text contributes the fields it names, by position.
    /// </summary>
    private string FieldValues(string queryText, DateTimeOffset now)
    {
        var lists = new List<(IReadOnlyList<string> Fields, FieldKind Kind)>();
        lists.AddRange(Profile.Measurement?.Queries.Where(q => q.Query.Text == queryText).Select(q => (q.Fields, FieldKind.Measurement)) ?? []);
        if (Profile.Energy is { } e && e.Query.Text == queryText)
        {
            lists.Add((e.Fields, FieldKind.Energy));
        }

        if (Profile.Thd is { } t && t.Query.Text == queryText)
        {
            lists.Add((t.Fields, FieldKind.Thd));
        }

        var measured = lists.Any(l => l.Kind == FieldKind.Measurement) ? ApplyError(_observer.Measure()) : null;
        var thd = lists.Any(l => l.Kind == FieldKind.Thd) ? Thd() : null;
        var count = lists.Max(l => l.Fields.Count);
        var sb = new StringBuilder();
        for (var k = 0; k < count; k++)
        {
            var value = 0.0;
            foreach (var (fields, kind) in lists)
            {
                if (k < fields.Count && fields[k] != "-")
                {
                    value = kind switch
                    {
                        FieldKind.Energy => EnergyField(fields[k], now),
                        FieldKind.Thd => ThdField(fields[k], thd!),
                        _ => Field(fields[k], measured!),
                    };
                }
            }

            if (k > 0)
            {
                sb.Append(',');
            }

            sb.Append(Format(value));
        }

        return sb.ToString();
    }

    /// <summary>THD of each phase voltage, then each current, measured on the grid's waveform (cached per grid state).</summary>
    private double[] Thd()
    {
        var state = _observer.Grid.State;
        if (_thd is not { } cached || cached.Version != state.Version)
        {
            var values = state.OutputOn ? HarmonicDistortion.ReferenceThdPercent(state.Output, _observer.Measure(state).FrequencyHz) : new double[6];
            cached = (state.Version, values);
            _thd = cached;
        }

        return cached.Values;
    }

    private double ThdField(string name, double[] thd)
    {
        var phases = Profile.Phases;
        return name switch
        {
            ['T', 'H', 'D', 'U', var k] when k - '1' < phases => thd[k - '1'],
            ['T', 'H', 'D', 'I', var k] when k - '1' < phases => thd[phases + (k - '1')],
            _ => 0,
        };
    }

    /// <summary>One event in the profile's field order; an index past the list is a SCPI data error.</summary>
    private string? EventFields(int index)
    {
        var list = _events?.Events ?? [];
        if (index < 1 || index > list.Count)
        {
            PushError(-222, "Data out of range");
            return null;
        }

        var e = list[index - 1];
        return string.Join(",", Profile.Events!.Fields.Select(f => Format(f switch
        {
            "KIND" => (int)e.Kind,
            "PHASES" => e.PhaseMask,
            "START_S" => (e.Start - _armedAt).TotalSeconds,
            "DURATION_S" => e.Duration.TotalSeconds,
            "EXTREME_PERCENT" => e.ExtremePercentOfDeclared,
            _ => 0,
        })));
    }

    private double EnergyField(string field, DateTimeOffset now)
    {
        var seconds = _startedAt is { } s ? ((_stoppedAt ?? now) - s).TotalSeconds : 0;
        return field switch
        {
            "WH" => _integrator.ActiveWh,
            "KWH" => _integrator.ActiveWh / 1000,
            // Signed, as power analysers integrate q: inductive positive, capacitive negative.
            "VARH" => _integrator.ReactiveVarh - _integrator.ReactiveReceivedVarh,
            "KVARH" => (_integrator.ReactiveVarh - _integrator.ReactiveReceivedVarh) / 1000,
            // Arithmetic apparent energy: Σ Uk·Ik per phase (rms with harmonics), scaled by the reference's gain error.
            "VAH" => _integrator.ApparentVAh,
            "KVAH" => _integrator.ApparentVAh / 1000,
            "TIME" => seconds,
            "TIME_H" => seconds / 3600,
            _ => 0,
        };
    }

    private ThreePhaseMeasurement ApplyError(ThreePhaseMeasurement m)
    {
        if (_gain == 1)
        {
            return m;
        }

        var phases = m.Phases.Select(p => p with
        {
            ActivePowerW = p.ActivePowerW * _gain,
            ReactivePowerVar = p.ReactivePowerVar * _gain,
            ApparentPowerVA = p.ApparentPowerVA * _gain,
        }).ToArray();
        return m with { Phases = phases };
    }

    private static double Field(string name, ThreePhaseMeasurement m)
    {
        if (name == "F")
        {
            return double.IsNaN(m.FrequencyHz) ? 0 : m.FrequencyHz;
        }

        if (name == "-")
        {
            return 0;
        }

        var phase = name[^1] - '1';
        if (phase < 0 || phase >= m.Phases.Count)
        {
            return 0;
        }

        var p = m.Phases[phase];
        return name[..^1] switch
        {
            "U" => p.VoltageRmsV,
            "I" => p.CurrentRmsA,
            "P" => p.ActivePowerW,
            "Q" => p.ReactivePowerVar,
            "S" => p.ApparentPowerVA,
            "PF" => p.PowerFactor,
            _ => 0,
        };
    }

    private enum FieldKind
    {
        Measurement,
        Energy,
        Thd,
    }
}
