using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Standards.Limits;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Reads one IEC 61557-12 function from the meter: for a Modbus meter, the registers its profile declares for it
/// (per phase, or the total); for any other meter, its snapshot's instantaneous values where they hold the function.
/// A function the profile does not map gives a problem, never a number.
/// </summary>
public sealed class PmdMeterReader
{
    private readonly Func<CancellationToken, Task<double[]?>> _read;

    private PmdMeterReader(string registers, Func<CancellationToken, Task<double[]?>> read)
    {
        Registers = registers;
        _read = read;
    }

    /// <summary>What is read, for the result's reason: e.g. "voltage_an (3028), voltage_bn (3030), voltage_cn (3032)".</summary>
    public string Registers { get; }

    /// <summary>The meter's reading per phase (or one total), in W, var, VA, V, A, Hz, PF or %; null when it has none.</summary>
    public Task<double[]?> ReadAsync(CancellationToken cancellationToken) => _read(cancellationToken);

    public static (PmdMeterReader? Reader, string? Problem) For(IMeterUnderTest meter, PmdFunction function)
    {
        if (meter is not ModbusMeter modbus)
        {
            return FromSnapshot(meter, function);
        }

        var profile = modbus.Profile;
        var quantities = Quantities(function, profile.MeasuringElements);
        var missing = quantities.Where(q => !profile.Registers.ContainsKey(q)).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(q => SnakeCase(q.ToString())));
            return (null, $"the meter's profile maps no {names}: function {PmdFunctionLimits.Spec(function).Symbol} cannot be read");
        }

        var points = quantities.Select(q => profile.Registers[q]).ToList();
        var text = string.Join(", ", points.Select(p => $"{p.Name} ({p.Number})"));
        return (new PmdMeterReader(text, async ct =>
        {
            var values = await modbus.ReadValuesAsync(points, ct);
            return points.Select(p => values[p]).ToArray();
        }), null);
    }

    /// <summary>The registers a function is read from on a meter with <paramref name="elements"/> measuring elements.</summary>
    public static IReadOnlyList<MeterQuantity> Quantities(PmdFunction function, int elements) => function switch
    {
        PmdFunction.Frequency => [MeterQuantity.Frequency],
        PmdFunction.Voltage => new[] { MeterQuantity.VoltageAN, MeterQuantity.VoltageBN, MeterQuantity.VoltageCN }.Take(elements).ToList(),
        PmdFunction.Current => new[] { MeterQuantity.CurrentA, MeterQuantity.CurrentB, MeterQuantity.CurrentC }.Take(elements).ToList(),
        PmdFunction.NeutralCurrent => [MeterQuantity.CurrentN],
        PmdFunction.ActivePower => [MeterQuantity.ActivePowerTotal],
        PmdFunction.ReactivePower => [MeterQuantity.ReactivePowerTotal],
        PmdFunction.ApparentPower => [MeterQuantity.ApparentPowerTotal],
        PmdFunction.PowerFactor => [MeterQuantity.PowerFactorTotal],
        PmdFunction.VoltageThd => new[] { MeterQuantity.ThdVoltageAN, MeterQuantity.ThdVoltageBN, MeterQuantity.ThdVoltageCN }.Take(elements).ToList(),
        PmdFunction.CurrentThd => new[] { MeterQuantity.ThdCurrentA, MeterQuantity.ThdCurrentB, MeterQuantity.ThdCurrentC }.Take(elements).ToList(),
        PmdFunction.VoltageUnbalance => [MeterQuantity.VoltageUnbalanceLN],
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "an energy function is read from energy registers"),
    };

    private static (PmdMeterReader? Reader, string? Problem) FromSnapshot(IMeterUnderTest meter, PmdFunction function)
    {
        if (function is PmdFunction.NeutralCurrent or PmdFunction.VoltageThd or PmdFunction.CurrentThd or PmdFunction.VoltageUnbalance)
        {
            return (null, $"this meter ({meter.Resource}) reads no registers by name: function {PmdFunctionLimits.Spec(function).Symbol} cannot be read");
        }

        return (new PmdMeterReader("the meter's instantaneous snapshot", async ct =>
        {
            var m = (await meter.ReadSnapshotAsync(ct)).Instantaneous;
            return m is null ? null : function switch
            {
                PmdFunction.Frequency => [m.FrequencyHz],
                PmdFunction.Voltage => m.Phases.Select(p => p.VoltageRmsV).ToArray(),
                PmdFunction.Current => m.Phases.Select(p => p.CurrentRmsA).ToArray(),
                PmdFunction.ActivePower => [m.TotalActivePowerW],
                PmdFunction.ReactivePower => [m.TotalReactivePowerVar],
                PmdFunction.ApparentPower => [m.TotalApparentPowerVA],
                _ => [m.TotalPowerFactor],
            };
        }), null);
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, k) => k > 0 && char.IsUpper(c) && char.IsLower(name[k - 1]) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
