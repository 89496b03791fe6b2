using System.Globalization;

using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Dut.Profiles;
using Bench.Modbus.Data;

namespace Bench.Sim.Meter;

/// <summary>
/// Writes what the meter shows into registers laid out by its profile: the same encoder the driver decodes with,
/// kW/kvar/kVA and kWh scaled back from Bench's base units, PF in 4Q_FP_PF, integer energy floored to whole steps.
/// </summary>
public sealed class MeterRegisterImage
{
    private readonly DutProfile _profile;
    private readonly bool _swapFloats;

    public MeterRegisterImage(DutProfile profile, bool swapFloatWords)
    {
        _profile = profile;
        _swapFloats = swapFloatWords;
    }

    public void WriteIdentity(Span<ushort> table, SimulatedMeterOptions options)
    {
        var id = _profile.Identity;
        WriteText(table, id.Manufacturer.Point, id.Manufacturer.FixedText ?? _profile.Manufacturer);
        WriteText(table, id.Model.Point, options.Model);
        WriteText(table, id.Firmware.Point, options.Firmware);
        WriteText(table, id.SerialNumber.Point, options.SerialNumber);
    }

    public void WriteMeasurement(Span<ushort> table, ThreePhaseMeasurement m)
    {
        foreach (var (quantity, point) in _profile.Registers)
        {
            if (Value(quantity, m) is { } value)
            {
                WriteNumber(table, point, value);
            }
        }
    }

    /// <summary>Readings a measurement record does not carry (PF already encoded as 4Q_FP_PF), where the profile maps them.</summary>
    public void WriteReadings(Span<ushort> table, IReadOnlyDictionary<MeterQuantity, double> readings)
    {
        foreach (var (quantity, value) in readings)
        {
            if (_profile.Registers.TryGetValue(quantity, out var point))
            {
                WriteNumber(table, point, value);
            }
        }
    }

    /// <param name="thdPercent">THD per channel (UA, UB, UC, IA, IB, IC) from <see cref="HarmonicDistortion"/>.</param>
    public void WriteThd(Span<ushort> table, IReadOnlyList<double> thdPercent)
    {
        foreach (var (quantity, point) in _profile.Registers)
        {
            if (Thd(quantity, thdPercent) is { } value)
            {
                WriteNumber(table, point, value);
            }
        }
    }

    private static double? Thd(MeterQuantity q, IReadOnlyList<double> thd)
    {
        var channel = q switch
        {
            MeterQuantity.ThdVoltageAN => 0,
            MeterQuantity.ThdVoltageBN => 1,
            MeterQuantity.ThdVoltageCN => 2,
            MeterQuantity.ThdCurrentA => 3,
            MeterQuantity.ThdCurrentB => 4,
            MeterQuantity.ThdCurrentC => 5,
            _ => -1,
        };
        return channel >= 0 && channel < thd.Count ? thd[channel] : null;
    }

    public void WriteEnergy(Span<ushort> table, EnergyQuantity quantity, double valueInBaseUnit)
    {
        foreach (var counter in _profile.EnergyCounters.Where(c => c.Quantity == quantity))
        {
            WriteNumber(table, counter.Point, valueInBaseUnit);
        }
    }

    private static double? Value(MeterQuantity q, ThreePhaseMeasurement m)
    {
        PhaseMeasurement P(int k) => m.Phases[Math.Min(k, m.Phases.Count - 1)];
        static double Pf(PhaseMeasurement p) => FourQuadrantPowerFactor.Encode(p.PowerFactor, p.ActivePowerW * p.ReactivePowerVar < 0);
        static double LineToLine(PhaseMeasurement a, PhaseMeasurement b) => Math.Sqrt((a.VoltageRmsV * a.VoltageRmsV) + (b.VoltageRmsV * b.VoltageRmsV) + (a.VoltageRmsV * b.VoltageRmsV));
        var totalPf = FourQuadrantPowerFactor.Encode(m.TotalPowerFactor, m.TotalActivePowerW * m.TotalReactivePowerVar < 0);
        return q switch
        {
            MeterQuantity.VoltageAN => P(0).VoltageRmsV,
            MeterQuantity.VoltageBN => P(1).VoltageRmsV,
            MeterQuantity.VoltageCN => P(2).VoltageRmsV,

            // L-L from L-N assumes a symmetric 120° system; the simulated grid's phases are programmed that way.
            MeterQuantity.VoltageAB => LineToLine(P(0), P(1)),
            MeterQuantity.VoltageBC => LineToLine(P(1), P(2)),
            MeterQuantity.VoltageCA => LineToLine(P(2), P(0)),
            MeterQuantity.CurrentA => P(0).CurrentRmsA,
            MeterQuantity.CurrentB => P(1).CurrentRmsA,
            MeterQuantity.CurrentC => P(2).CurrentRmsA,
            MeterQuantity.CurrentN => 0,
            MeterQuantity.ActivePowerA => P(0).ActivePowerW,
            MeterQuantity.ActivePowerB => P(1).ActivePowerW,
            MeterQuantity.ActivePowerC => P(2).ActivePowerW,
            MeterQuantity.ActivePowerTotal => m.TotalActivePowerW,
            MeterQuantity.ReactivePowerA => P(0).ReactivePowerVar,
            MeterQuantity.ReactivePowerB => P(1).ReactivePowerVar,
            MeterQuantity.ReactivePowerC => P(2).ReactivePowerVar,
            MeterQuantity.ReactivePowerTotal => m.TotalReactivePowerVar,
            MeterQuantity.ApparentPowerA => P(0).ApparentPowerVA,
            MeterQuantity.ApparentPowerB => P(1).ApparentPowerVA,
            MeterQuantity.ApparentPowerC => P(2).ApparentPowerVA,
            MeterQuantity.ApparentPowerTotal => m.TotalApparentPowerVA,
            MeterQuantity.PowerFactorA => Pf(P(0)),
            MeterQuantity.PowerFactorB => Pf(P(1)),
            MeterQuantity.PowerFactorC => Pf(P(2)),
            MeterQuantity.PowerFactorTotal => totalPf,
            MeterQuantity.Frequency => m.FrequencyHz,
            _ => null,
        };
    }

    private void WriteNumber(Span<ushort> table, RegisterPoint point, double valueInBaseUnit)
    {
        var raw = valueInBaseUnit / UnitConversion.ToBase(point.Unit) / point.Scale;
        var r = table.Slice(point.Address, point.Length);
        var order = _swapFloats && point.Type is RegisterType.Float32 or RegisterType.FourQuadrantPowerFactor && point.Order == WordOrder.ABCD
            ? WordOrder.CDAB
            : point.Order;
        switch (point.Type)
        {
            case RegisterType.Float32 or RegisterType.FourQuadrantPowerFactor:
                RegisterValues.FromFloat32((float)raw, order, r);
                break;
            case RegisterType.Int16:
                r[0] = unchecked((ushort)(short)Math.Clamp(Math.Floor(raw), short.MinValue + 1, short.MaxValue));
                break;
            case RegisterType.UInt16:
                r[0] = (ushort)Math.Clamp(Math.Floor(raw), 0, ushort.MaxValue - 1);
                break;
            case RegisterType.Int32:
                RegisterValues.FromInt32((int)Math.Clamp(Math.Floor(raw), int.MinValue + 1, int.MaxValue), order, r);
                break;
            case RegisterType.UInt32:
                RegisterValues.FromUInt32((uint)Math.Clamp(Math.Floor(raw), 0, uint.MaxValue - 1), order, r);
                break;
            case RegisterType.Int64:
                RegisterValues.FromInt64((long)Math.Floor(raw), order, r);
                break;
            case RegisterType.UInt64:
                RegisterValues.FromUInt64((ulong)Math.Max(0, Math.Floor(raw)), order, r);
                break;
        }
    }

    private static void WriteText(Span<ushort> table, RegisterPoint? point, string text)
    {
        if (point is null)
        {
            return;
        }

        var r = table.Slice(point.Address, point.Length);
        switch (point.Type)
        {
            case RegisterType.Utf8:
                RegisterText.Encode(text, r);
                break;
            case RegisterType.UInt32 when uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                RegisterValues.FromUInt32(n, point.Order, r);
                break;
            case RegisterType.UInt16 when ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n16):
                r[0] = n16;
                break;
            default:
                throw new BenchInputException("simulated meter", $"'{text}' does not fit its identity register {point.Number} ({point.Type}); the simulated PM8000 takes a numeric serial number");
        }
    }
}
