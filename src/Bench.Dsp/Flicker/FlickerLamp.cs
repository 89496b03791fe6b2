namespace Bench.Dsp.Flicker;

/// <summary>The lamp model of the IEC 61000-4-15 weighting filter.</summary>
public enum FlickerLamp
{
    /// <summary>230 V, 60 W incandescent lamp.</summary>
    Lamp230V,

    /// <summary>120 V, 60 W incandescent lamp.</summary>
    Lamp120V,
}
