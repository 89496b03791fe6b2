using Bench.Dsp.Kernels;

namespace Bench.Dsp.Flicker;

/// <summary>
/// Blocks 2–4 of the IEC 61000-4-15 flickermeter on a decimated squared voltage: normalisation by a 1-min mean square,
/// 0.05 Hz high-pass, 6th-order Butterworth low-pass (35 Hz at 50 Hz, 42 Hz at 60 Hz), the lamp–eye–brain weighting
/// filter, squaring and a 300 ms first-order smoothing. The output scale gives Pinst = 1 at the standard's reference
/// point, a sinusoidal fluctuation at 8.8 Hz of ΔU/U = 0.250 % (230 V lamp) or 0.321 % (120 V lamp, Ed.2 Table 1/2).
/// </summary>
public sealed class PinstFilter
{
    private readonly Biquad[] _chain;
    private Biquad _smoothing;
    private readonly double _normAlpha;
    private readonly double _scale;
    private readonly int _warmup;
    private double _meanSquare;
    private int _seen;

    public PinstFilter(double sampleRateHz, double nominalFrequencyHz, FlickerLamp lamp)
    {
        var fs = sampleRateHz;
        var wh = 2 * Math.PI * 0.05;
        var wc = 2 * Math.PI * (nominalFrequencyHz >= 55 ? 42 : 35);
        var (k, lambda, w1, w2, w3, w4) = lamp == FlickerLamp.Lamp230V
            ? (1.74802, 2 * Math.PI * 4.05981, 2 * Math.PI * 9.15494, 2 * Math.PI * 2.27979, 2 * Math.PI * 1.22535, 2 * Math.PI * 21.9)
            : (1.6357, 2 * Math.PI * 4.167375, 2 * Math.PI * 9.077169, 2 * Math.PI * 2.939902, 2 * Math.PI * 1.394468, 2 * Math.PI * 17.31512);
        _chain =
        [
            Biquad.FromAnalog(0, 1, 0, 0, 1, wh, fs),
            Biquad.FromAnalog(0, 0, wc * wc, 1, 2 * Math.Cos(Math.PI / 12) * wc, wc * wc, fs),
            Biquad.FromAnalog(0, 0, wc * wc, 1, 2 * Math.Cos(3 * Math.PI / 12) * wc, wc * wc, fs),
            Biquad.FromAnalog(0, 0, wc * wc, 1, 2 * Math.Cos(5 * Math.PI / 12) * wc, wc * wc, fs),
            Biquad.FromAnalog(0, k * w1, 0, 1, 2 * lambda, w1 * w1, fs),
            Biquad.FromAnalog(0, 1 / w2, 1, 1 / (w3 * w4), (1 / w3) + (1 / w4), 1, fs),
        ];
        _smoothing = Biquad.FromAnalog(0, 0, 1, 0, 0.3, 1, fs);
        _normAlpha = 1 - Math.Exp(-1 / (60 * fs));
        _warmup = Math.Max(1, (int)Math.Round(2 * fs / nominalFrequencyHz));

        // Reference: d = ΔU/U at 8.8 Hz → weighted amplitude d·|W|; squared: mean (d|W|)²/2 plus an equal ripple at
        // 17.6 Hz that the 300 ms smoothing passes with |L(17.6)|; Pinst,max = 1 there.
        var d = lamp == FlickerLamp.Lamp230V ? 0.0025 : 0.00321;
        var w = 1.0;
        foreach (var b in _chain)
        {
            w *= b.Magnitude(8.8, fs);
        }

        var ripple = _smoothing.Magnitude(17.6, fs);
        _scale = 1 / (d * d * w * w / 2 * (1 + ripple));
    }

    /// <summary>Next decimated mean of u²; returns Pinst.</summary>
    public double Process(double squared)
    {
        // The 1-min normalisation starts from the mean square of the first two cycles; Pinst is 0 until then.
        if (_seen < _warmup)
        {
            _meanSquare += squared / _warmup;
            _seen++;
            return 0;
        }

        _meanSquare += _normAlpha * (squared - _meanSquare);

        var x = _meanSquare > 0 ? (squared / _meanSquare) - 1 : 0;
        for (var i = 0; i < _chain.Length; i++)
        {
            x = _chain[i].Process(x);
        }

        return _smoothing.Process(x * x) * _scale;
    }
}
