namespace Bench.Plans.Execution.Tests;

/// <summary>
/// IEC 61000-4-15 Ed.2 Table 5: rectangular modulations of ΔU/U (%) that give Pst = 1.00, per lamp and frequency
/// (values as transcribed in shared/standards/power-quality.md). The expected Pst of a flicker point is 1.000 when its
/// modulation is one of these rows; any other modulation has no tabulated Pst.
/// </summary>
public static class FlickerTable5
{
    // Changes per minute, then ΔU/U for 230 V 50 Hz, 120 V 60 Hz, 120 V 50 Hz, 230 V 60 Hz.
    private static readonly (double Cpm, double[] DeltaU)[] Rows =
    [
        (1, [2.715, 3.181, 3.178, 2.719]),
        (2, [2.191, 2.564, 2.561, 2.194]),
        (7, [1.450, 1.694, 1.694, 1.450]),
        (39, [0.894, 1.040, 1.045, 0.895]),
        (110, [0.722, 0.844, 0.844, 0.723]),
        (1620, [0.407, 0.548, 0.545, 0.409]),
    ];

    /// <summary>The lamp and column: the 120 V lamp for a nominal voltage ≤ 150 V, else the 230 V lamp.</summary>
    public static string Column(double nominalVoltageV, double nominalFrequencyHz) =>
        $"{(nominalVoltageV <= 150 ? "120 V" : "230 V")} lamp, {(nominalFrequencyHz < 55 ? 50 : 60)} Hz";

    /// <summary>1.0 when (changes per minute, ΔU/U) is a Table 5 row of the column (ΔU/U to its 3 decimals), else null.</summary>
    public static double? ExpectedPst(double changesPerMinute, double deltaUPercent, double nominalVoltageV, double nominalFrequencyHz)
    {
        var column = (nominalVoltageV <= 150, nominalFrequencyHz < 55) switch
        {
            (false, true) => 0,
            (true, false) => 1,
            (true, true) => 2,
            _ => 3,
        };
        return Rows.Any(r => r.Cpm == changesPerMinute && Math.Abs(r.DeltaU[column] - deltaUPercent) < 0.0005) ? 1.0 : null;
    }
}
