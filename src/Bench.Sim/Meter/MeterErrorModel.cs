using Bench.Core.Quantities;
using Bench.Dut.Profiles;

namespace Bench.Sim.Meter;

/// <summary>
/// The simulated meter's error in percent of reading at the present load point: the option's fixed error, plus the
/// profile's curve (linear in current between its points, for the curve of the nearest power factor), plus a firmware
/// defect when the running firmware has one. It scales energy and power alike; the instantaneous readings then get
/// their own errors per quantity (<see cref="Instantaneous"/>), which never reach the energy registers.
/// </summary>
public sealed class MeterErrorModel
{
    private readonly double _fixedPercent;
    private readonly IReadOnlyList<ErrorCurvePoint> _curve;
    private readonly IReadOnlyList<FirmwareFault> _faults;
    private readonly double _nominalCurrentA;
    private readonly double _noisePercent;
    private readonly Random _noise;

    public MeterErrorModel(DutProfile profile, SimulatedMeterOptions options)
    {
        _fixedPercent = options.ErrorPercent;
        _curve = options.UseProfileErrorCurve ? profile.Simulation.ErrorCurve : [];
        _faults = profile.Simulation.FirmwareFaults.Where(f => string.Equals(f.Firmware, options.Firmware, StringComparison.Ordinal)).ToList();
        _nominalCurrentA = profile.NominalCurrentA;
        _noisePercent = options.EnergyNoisePercent;
        _noise = new Random(options.Seed);
        Instantaneous = new InstantaneousErrorModel(options.InstantaneousErrors ?? profile.Simulation.Instantaneous);
    }

    /// <summary>Errors of U, I, f, PF, THD, unbalance and the extra errors of the instantaneous P, Q, S.</summary>
    public InstantaneousErrorModel Instantaneous { get; }

    public bool Has(FirmwareFaultKind kind) => _faults.Any(f => f.Kind == kind);

    /// <summary>Error of power and energy in percent of reading at this measurement.</summary>
    public double ErrorPercent(ThreePhaseMeasurement m)
    {
        var current = m.Phases.Average(p => p.CurrentRmsA);
        var error = _fixedPercent + CurveError(current, m);
        foreach (var fault in _faults.Where(f => f.Kind == FirmwareFaultKind.LowCurrentEnergyError && current < f.BelowCurrentA))
        {
            error += fault.Magnitude;
        }

        return error;
    }

    /// <summary>What the meter shows: the energy error on P, Q, S (<see cref="ApplyEnergyError"/>), then the instantaneous errors.</summary>
    public ThreePhaseMeasurement Apply(ThreePhaseMeasurement m) => Instantaneous.Apply(ApplyEnergyError(m));

    /// <summary>P, Q, S scaled by the energy error, Q's sign flipped by a defect.</summary>
    public ThreePhaseMeasurement ApplyEnergyError(ThreePhaseMeasurement m) => ApplyEnergyError(m, 0);

    private ThreePhaseMeasurement ApplyEnergyError(ThreePhaseMeasurement m, double extraPercent)
    {
        var k = 1 + ((ErrorPercent(m) + extraPercent) / 100);
        var q = Has(FirmwareFaultKind.ReactiveSignInverted) ? -k : k;
        var phases = m.Phases
            .Select(p => p with { ActivePowerW = p.ActivePowerW * k, ReactivePowerVar = p.ReactivePowerVar * q, ApparentPowerVA = p.ApparentPowerVA * k })
            .ToList();
        return m with { Phases = phases };
    }

    /// <summary>What the energy registers integrate: <see cref="ApplyEnergyError"/>, or nothing below a defective creep threshold.</summary>
    public ThreePhaseMeasurement ApplyToEnergy(ThreePhaseMeasurement m)
    {
        var current = m.Phases.Average(p => p.CurrentRmsA);
        if (_faults.Any(f => f.Kind == FirmwareFaultKind.EnergyStallsBelowCurrent && current < f.BelowCurrentA))
        {
            return m with { Phases = m.Phases.Select(p => p with { ActivePowerW = 0, ReactivePowerVar = 0, ApparentPowerVA = 0 }).ToList() };
        }

        return ApplyEnergyError(m, _noisePercent > 0 ? _noisePercent * StandardNormal() : 0);
    }

    /// <summary>One draw of N(0, 1) (Box–Muller).</summary>
    private double StandardNormal()
    {
        lock (_noise)
        {
            return Math.Sqrt(-2 * Math.Log(1 - _noise.NextDouble())) * Math.Cos(2 * Math.PI * _noise.NextDouble());
        }
    }

    private double CurveError(double currentA, ThreePhaseMeasurement m)
    {
        if (_curve.Count == 0 || currentA <= 0)
        {
            return 0;
        }

        var pf = Math.Abs(m.TotalPowerFactor);
        var capacitive = m.TotalActivePowerW * m.TotalReactivePowerVar < 0;

        // Curve of the nearest power factor; "capacitive" only tells apart curves at the same |PF| below 1.
        var nearest = _curve
            .OrderBy(c => Math.Abs(c.PowerFactor - pf))
            .ThenBy(c => c.PowerFactor < 1 && c.Capacitive != capacitive ? 1 : 0)
            .First();
        var points = _curve
            .Where(c => c.PowerFactor == nearest.PowerFactor && c.Capacitive == nearest.Capacitive)
            .OrderBy(c => c.CurrentPercentOfNominal)
            .ToList();
        var percentOfIn = 100 * currentA / _nominalCurrentA;
        if (percentOfIn <= points[0].CurrentPercentOfNominal)
        {
            return points[0].ErrorPercent;
        }

        for (var k = 1; k < points.Count; k++)
        {
            if (percentOfIn <= points[k].CurrentPercentOfNominal)
            {
                var (a, b) = (points[k - 1], points[k]);
                var t = (percentOfIn - a.CurrentPercentOfNominal) / (b.CurrentPercentOfNominal - a.CurrentPercentOfNominal);
                return a.ErrorPercent + (t * (b.ErrorPercent - a.ErrorPercent));
            }
        }

        return points[^1].ErrorPercent;
    }
}
