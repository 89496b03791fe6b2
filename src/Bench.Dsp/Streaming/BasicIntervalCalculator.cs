using Bench.Dsp.Harmonics;
using Bench.Dsp.Kernels;
using Bench.Dsp.Power;

namespace Bench.Dsp.Streaming;

/// <summary>
/// Computes every value of one basic interval from the held samples: RMS, IEEE 1459 powers, the IEC 61000-4-7
/// spectrum with subgroups and interharmonics, THD/THDS/TDD, K-factor, unbalance, mains signalling. The window is
/// exactly C cycles between two rising zero crossings (fractional positions), so nothing leaks with non-coherent sampling.
/// </summary>
public sealed class BasicIntervalCalculator
{
    private readonly MeterSettings _settings;
    private readonly IntervalSpectrum _spectrum;
    private readonly int _cycles;
    private readonly int _maxOrder;
    private readonly int _phases;
    private readonly bool _currents;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _power;
    private readonly double[] _byOrder;
    private readonly double[] _byComponent;
    private readonly double[] _fundRe;
    private readonly double[] _fundIm;
    private readonly double[] _voltageMeanSquare;

    public BasicIntervalCalculator(MeterSettings settings, int maxSamplesPerWindow)
    {
        _settings = settings;
        _cycles = settings.CyclesPerInterval;
        _maxOrder = settings.EffectiveMaxHarmonicOrder;
        _phases = settings.Phases;
        _currents = settings.EffectiveCurrentChannels > 0;
        var bins = _cycles * (_maxOrder + 1);
        _spectrum = new IntervalSpectrum(bins, maxSamplesPerWindow, settings.SamplesPerNominalCycle, _maxOrder, _cycles);
        _re = new double[bins];
        _im = new double[bins];
        _power = new double[bins];
        _byOrder = new double[_maxOrder + 1];
        _byComponent = new double[_maxOrder + 1];
        _fundRe = new double[2 * _phases];
        _fundIm = new double[2 * _phases];
        _voltageMeanSquare = new double[_phases];
    }

    /// <summary>True when the spectrum goes through resampling and an FFT (high rates), false for the exact DFT.</summary>
    public bool UsesFft => _spectrum.UsesFft;

    /// <summary>Fills <paramref name="v"/> for the window [a, b] (positions local to <paramref name="history"/>).</summary>
    public void Compute(ChannelHistory history, double a, double b, IntervalValues v)
    {
        var length = b - a;
        var fs = _settings.SampleRateHz;
        v.DurationS = length / fs;
        v.FrequencyHz = _cycles * fs / length;
        v.Count = 1;
        double sumU2 = 0, sumI2 = 0, sumCross = 0, sumLl2 = 0, pTotal = 0, qTotal = 0, sTotal = 0;
        for (var p = 0; p < _phases; p++)
        {
            var ch = history.Channel(p);
            _voltageMeanSquare[p] = SpanMath.Integral(ch, ch, a, b) / length;
        }

        for (var p = 0; p < _phases; p++)
        {
            var u = history.Channel(p);
            var uu = _voltageMeanSquare[p];
            v.UrmsV[p] = Math.Sqrt(Math.Max(0, uu));
            sumU2 += uu;
            Spectrum(u, a, length, v, p, voltage: true);
            if (_phases == 3)
            {
                var next = history.Channel((p + 1) % 3);
                sumLl2 += _settings.Wiring == Wiring.ThreePhaseThreeWire
                    ? uu
                    : uu + _voltageMeanSquare[(p + 1) % 3] - (2 * SpanMath.Integral(u, next, a, b) / length);
            }

            if (!_currents)
            {
                SetNoCurrent(v, p);
                continue;
            }

            var i = history.Channel(_phases + p);
            var ii = SpanMath.Integral(i, i, a, b) / length;
            v.IrmsA[p] = Math.Sqrt(Math.Max(0, ii));
            sumI2 += ii;
            if (_phases == 3)
            {
                var nextI = history.Channel(_phases + ((p + 1) % 3));
                sumCross += SpanMath.Integral(i, nextI, a, b) / length;
            }

            Spectrum(i, a, length, v, p, voltage: false);
            if (_settings.Wiring == Wiring.ThreePhaseThreeWire)
            {
                SetLineToLinePowers(v, p);
                continue;
            }

            var power = SpanMath.Integral(u, i, a, b) / length;
            PhasePowers(v, p, power);
            pTotal += power;
            qTotal += v.Q1Var[p];
            sTotal += v.SVA[p];
        }

        if (_settings.Wiring == Wiring.ThreePhaseThreeWire && _currents)
        {
            (pTotal, qTotal) = AronPowers(history, a, b, length);
            sTotal = double.NaN;
        }

        Totals(v, pTotal, qTotal, sTotal, sumU2, sumLl2, sumI2, sumCross);
    }

    private void Spectrum(ReadOnlySpan<double> x, double a, double length, IntervalValues v, int p, bool voltage)
    {
        _spectrum.Analyze(x, a, length, _re, _im);
        HarmonicGrouping.Power(_re, _im, _power);
        var c = _cycles;
        for (var h = 0; h <= _maxOrder; h++)
        {
            _byOrder[h] = HarmonicGrouping.Subgroup(_power, c, h);
            _byComponent[h] = Math.Sqrt(_power[c * h]);
        }

        var offset = p * (v.MaxOrder + 1);
        var harmonics = voltage ? v.HarmonicsUV : v.HarmonicsIA;
        var groups = voltage ? v.HarmonicGroupsUV : v.HarmonicGroupsIA;
        var angles = voltage ? v.HarmonicAnglesUDeg : v.HarmonicAnglesIDeg;
        var phi1 = Math.Atan2(_im[c], _re[c]);
        for (var h = 0; h <= v.MaxOrder; h++)
        {
            var measured = h <= _maxOrder;
            harmonics[offset + h] = measured ? _byOrder[h] : double.NaN;
            groups[offset + h] = !measured ? double.NaN : h == 0 ? _byOrder[0] : HarmonicGrouping.Group(_power, c, h);
            angles[offset + h] = measured && h > 0 ? NormalizeDeg((Math.Atan2(_im[c * h], _re[c * h]) - (h * phi1)) * 180 / Math.PI) : double.NaN;
        }

        var slot = voltage ? p : _phases + p;
        _fundRe[slot] = _re[c];
        _fundIm[slot] = _im[c];
        var fundamental = Math.Sqrt(_power[c]);
        if (voltage)
        {
            v.U1V[p] = fundamental;
            v.ThdsUPercent[p] = DistortionIndices.ThdPercent(_byOrder, _maxOrder);
            v.ThdUPercent[p] = DistortionIndices.ThdPercent(_byComponent, _maxOrder);
            for (var h = 0; h <= v.MaxOrder; h++)
            {
                v.InterharmonicsUV[offset + h] = h < _maxOrder ? HarmonicGrouping.InterharmonicCentredSubgroup(_power, c, h) : double.NaN;
            }

            var fsig = _settings.SignallingFrequencyHz;
            var binHz = v.FrequencyHz / c;
            var k = double.IsNaN(fsig) ? -1 : (int)Math.Floor(fsig / binHz);
            v.SignallingV[p] = k >= 1 && k + 2 < _power.Length ? Math.Sqrt(_power[k - 1] + _power[k] + _power[k + 1] + _power[k + 2]) : double.NaN;
        }
        else
        {
            v.I1A[p] = fundamental;
            v.ThdsIPercent[p] = DistortionIndices.ThdPercent(_byOrder, _maxOrder);
            v.ThdIPercent[p] = DistortionIndices.ThdPercent(_byComponent, _maxOrder);
            v.KFactor[p] = DistortionIndices.KFactor(_byOrder, _maxOrder);
            v.TddPercent[p] = DistortionIndices.TddPercent(_byOrder, _maxOrder, _settings.MaximumDemandCurrentA);
        }
    }

    private void PhasePowers(IntervalValues v, int p, double power)
    {
        double ur = _fundRe[p], ui = _fundIm[p], ir = _fundRe[_phases + p], ii = _fundIm[_phases + p];
        var s = v.UrmsV[p] * v.IrmsA[p];
        v.PW[p] = power;
        v.SVA[p] = s;
        v.NVA[p] = Math.Sqrt(Math.Max(0, (s * s) - (power * power)));
        v.Pf[p] = s == 0 ? 0 : power / s;

        // U·conj(I) of RMS phasors: Re = P1, Im = Q1 (positive when the current lags).
        v.P1W[p] = (ur * ir) + (ui * ii);
        v.Q1Var[p] = (ui * ir) - (ur * ii);
        v.S1VA[p] = v.U1V[p] * v.I1A[p];
        v.Dpf[p] = v.S1VA[p] == 0 ? 0 : v.P1W[p] / v.S1VA[p];
    }

    private (double P, double Q) AronPowers(ChannelHistory history, double a, double b, double length)
    {
        // p = u13·i1 + u23·i2 with u13 = −u31 (channels U12, U23, U31).
        var p = (SpanMath.Integral(history.Channel(1), history.Channel(4), a, b) - SpanMath.Integral(history.Channel(2), history.Channel(3), a, b)) / length;
        var q = ((_fundIm[1] * _fundRe[4]) - (_fundRe[1] * _fundIm[4])) - ((_fundIm[2] * _fundRe[3]) - (_fundRe[2] * _fundIm[3]));
        return (p, q);
    }

    private void Totals(IntervalValues v, double p, double q, double sa, double sumU2, double sumLl2, double sumI2, double sumCross)
    {
        var t = v.Totals;
        t[(int)TotalField.PW] = _currents ? p : double.NaN;
        t[(int)TotalField.Q1Var] = _currents ? q : double.NaN;
        t[(int)TotalField.SArithmeticVA] = _currents ? sa : double.NaN;
        double se;
        if (_phases == 1)
        {
            se = v.SVA[0];
        }
        else if (_settings.Wiring == Wiring.ThreePhaseThreeWire)
        {
            se = 3 * Math.Sqrt(sumLl2 / 9) * Math.Sqrt(sumI2 / 3);
        }
        else
        {
            var ve = Math.Sqrt(((3 * sumU2) + sumLl2) / 18);
            var neutral2 = sumI2 + (2 * sumCross);
            se = 3 * ve * Math.Sqrt(Math.Max(0, (sumI2 + neutral2) / 3));
        }

        t[(int)TotalField.SeVA] = _currents ? se : double.NaN;
        t[(int)TotalField.Pf] = _currents && se > 0 ? p / se : double.NaN;
        var (u0, u2) = _phases == 3 ? Unbalance.Percent(_fundRe.AsSpan(0, 3), _fundIm.AsSpan(0, 3)) : (double.NaN, double.NaN);
        t[(int)TotalField.U0Percent] = _settings.Wiring == Wiring.ThreePhaseFourWire ? u0 : double.NaN;
        t[(int)TotalField.U2Percent] = u2;
    }

    private static void SetNoCurrent(IntervalValues v, int p)
    {
        v.IrmsA[p] = v.PW[p] = v.Q1Var[p] = v.SVA[p] = v.NVA[p] = v.Pf[p] = double.NaN;
        v.P1W[p] = v.S1VA[p] = v.Dpf[p] = v.I1A[p] = v.ThdsIPercent[p] = v.ThdIPercent[p] = v.KFactor[p] = v.TddPercent[p] = double.NaN;
        var offset = p * (v.MaxOrder + 1);
        v.HarmonicsIA.AsSpan(offset, v.MaxOrder + 1).Fill(double.NaN);
        v.HarmonicGroupsIA.AsSpan(offset, v.MaxOrder + 1).Fill(double.NaN);
        v.HarmonicAnglesIDeg.AsSpan(offset, v.MaxOrder + 1).Fill(double.NaN);
    }

    private static void SetLineToLinePowers(IntervalValues v, int p)
    {
        v.PW[p] = v.Q1Var[p] = v.SVA[p] = v.NVA[p] = v.Pf[p] = v.P1W[p] = v.S1VA[p] = v.Dpf[p] = double.NaN;
    }

    private static double NormalizeDeg(double deg)
    {
        var d = deg % 360;
        return d > 180 ? d - 360 : d <= -180 ? d + 360 : d;
    }
}
