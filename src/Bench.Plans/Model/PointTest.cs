namespace Bench.Plans.Model;

/// <summary>What a plan point tests (the `test:` key; accuracy when absent).</summary>
public enum PointTest
{
    /// <summary>Error against the limit of the accuracy table.</summary>
    Accuracy,

    /// <summary>Variation of the error under an influence quantity, against the reference conditions.</summary>
    Influence,

    /// <summary>The meter starts and keeps registering at the starting current.</summary>
    Starting,

    /// <summary>No-load (creep): with voltage and no current the meter registers at most one step.</summary>
    NoLoad,

    /// <summary>The spread (experimental standard deviation) of repeated errors at one load point, against a fraction of the class.</summary>
    Repeatability,

    /// <summary>An IEC 61557-12 function (U, I, P, QA, PFA, THD…) read by the meter against the reference, at its declared class.</summary>
    PmdFunction,

    /// <summary>An IEC 61000-4-30 parameter (frequency, voltage, current) read by the meter against the reference.</summary>
    PowerQuality,
}
