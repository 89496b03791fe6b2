namespace Bench.Dsp.Kernels;

/// <summary>
/// A second-order IIR section (transposed direct form II), built from an analog prototype
/// (b2·s² + b1·s + b0)/(a2·s² + a1·s + a0) by the bilinear transform. First-order sections set b2 = a2 = 0.
/// </summary>
public struct Biquad
{
    private readonly double _b0, _b1, _b2, _a1, _a2;
    private double _z1, _z2;

    private Biquad(double b0, double b1, double b2, double a1, double a2)
    {
        _b0 = b0;
        _b1 = b1;
        _b2 = b2;
        _a1 = a1;
        _a2 = a2;
        _z1 = 0;
        _z2 = 0;
    }

    public static Biquad FromAnalog(double b2, double b1, double b0, double a2, double a1, double a0, double sampleRateHz)
    {
        var k = 2 * sampleRateHz;
        var k2 = k * k;
        var nb0 = (b2 * k2) + (b1 * k) + b0;
        var nb1 = (-2 * b2 * k2) + (2 * b0);
        var nb2 = (b2 * k2) - (b1 * k) + b0;
        var na0 = (a2 * k2) + (a1 * k) + a0;
        var na1 = (-2 * a2 * k2) + (2 * a0);
        var na2 = (a2 * k2) - (a1 * k) + a0;
        return new Biquad(nb0 / na0, nb1 / na0, nb2 / na0, na1 / na0, na2 / na0);
    }

    public double Process(double x)
    {
        var y = (_b0 * x) + _z1;
        _z1 = (_b1 * x) - (_a1 * y) + _z2;
        _z2 = (_b2 * x) - (_a2 * y);
        return y;
    }

    /// <summary>Sets the state to the steady response to a constant input <paramref name="x"/>.</summary>
    public void Settle(double x)
    {
        var gain = (_b0 + _b1 + _b2) / (1 + _a1 + _a2);
        var y = gain * x;
        _z2 = (_b2 * x) - (_a2 * y);
        _z1 = (_b1 * x) - (_a1 * y) + _z2;
    }

    /// <summary>|H(e^{jω})| at <paramref name="frequencyHz"/>.</summary>
    public readonly double Magnitude(double frequencyHz, double sampleRateHz)
    {
        var w = 2 * Math.PI * frequencyHz / sampleRateHz;
        var (s1, c1) = Math.SinCos(-w);
        var (s2, c2) = Math.SinCos(-2 * w);
        var nr = _b0 + (_b1 * c1) + (_b2 * c2);
        var ni = (_b1 * s1) + (_b2 * s2);
        var dr = 1 + (_a1 * c1) + (_a2 * c2);
        var di = (_a1 * s1) + (_a2 * s2);
        return Math.Sqrt(((nr * nr) + (ni * ni)) / ((dr * dr) + (di * di)));
    }
}
