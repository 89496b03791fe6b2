using System.Text;
using System.Text.RegularExpressions;

using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Sim.Grid;
using Bench.Sim.Instruments.Scpi;

namespace Bench.Sim.Instruments;

/// <summary>
/// The behaviour of a simulated reference standard: measures the grid through a <see cref="GridObserver"/>, applies a
/// small gain error, and integrates energy on the grid's clock between the profile's start and stop commands.
/// </summary>
internal sealed class ReferenceDevice : ScpiDevice, IDisposable
{
    private readonly GridObserver _observer;
    private readonly double _gain;
    private readonly EnergyIntegrator _integrator;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _stoppedAt;

    public ReferenceDevice(GridObserver observer, InstrumentProfile profile, SimulatedInstrumentOptions options)
        : base(profile, options.Serial, options.Faults)
    {
        _observer = observer;
        _gain = 1 + (options.ReferenceGainErrorPpm * 1e-6);
        _integrator = new EnergyIntegrator(observer, ApplyError, running: false);
    }

    public void Dispose() => _integrator.Dispose();

    protected override string? Handle(string name, Match match, SimulatedConnection connection)
    {
        var now = _observer.Grid.Time.GetUtcNow();
        switch (name)
        {
            case "measure":
                return Values(Profile.Measurement!.Fields, ApplyError(_observer.Measure()));
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
            case "energy_query":
                return EnergyValues(now);
            default:
                return name.StartsWith("query", StringComparison.Ordinal) ? "0" : null;
        }
    }

    private string EnergyValues(DateTimeOffset now)
    {
        var seconds = _startedAt is { } s ? ((_stoppedAt ?? now) - s).TotalSeconds : 0;
        var wh = _integrator.ActiveWh;
        var varh = _integrator.ReactiveVarh;
        var sb = new StringBuilder();
        foreach (var f in Profile.Energy!.Fields)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(Format(f switch
            {
                "WH" => wh,
                "KWH" => wh / 1000,
                "VARH" => varh,
                "KVARH" => varh / 1000,
                "TIME" => seconds,
                "TIME_H" => seconds / 3600,
                _ => 0,
            }));
        }

        return sb.ToString();
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

    private static string Values(IReadOnlyList<string> fields, ThreePhaseMeasurement m)
    {
        var sb = new StringBuilder();
        foreach (var f in fields)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(Format(Field(f, m)));
        }

        return sb.ToString();
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
}
