using Bench.Core.Quantities;

using static Bench.Standards.Limits.LimitTableBuilder;

namespace Bench.Standards.Limits;

/// <summary>
/// The current- and angle-dependent intrinsic uncertainty of the PMD power functions (In-based, PMD/Sx):
/// P as the Ea table of pmd-61557-12.md §4, and QA "after IEC 62053-23/-24 with sin φ" (§4, last line): class 1 with the
/// rows of IEC 62053-24 class 1, classes 2 and 3 with those of IEC 62053-23 (energy-accuracy.md §4, §5). All (unconfirmed).
/// </summary>
public static class PmdPowerTables
{
    private const double No = double.NaN;

    /// <summary>P: the same figures as Ea (pmd-61557-12.md §4).</summary>
    public static EnergyLimitTable ActivePower => EnergyStandards.Iec61557Part12;

    /// <summary>QA/QV (and ErA/ErV, whose figures come from the same IEC 62053 tables), classes 1, 2, 3, load points in sin φ.</summary>
    public static EnergyLimitTable ReactivePower { get; } = Reactive();

    private static EnergyLimitTable Reactive()
    {
        string[] c = ["1", "2", "3"];
        bool[] none = [false, false, false];
        const LoadConnection Bal = LoadConnection.Balanced;
        return new LimitTableBuilder("IEC 61557-12", "reactive-power", TrigFunction.Sin)
            .Row(0.01, 0.02, "1 L, 1 C", Bal, "Ed.2 QA intrinsic uncertainty, PMD/Sx, 0.01 In ≤ I < 0.02 In (as IEC 62053-24 cl 1)", c, [1.5, No, No], none)
            .Row(0.02, 0.05, "1 L, 1 C", Bal, "Ed.2 QA intrinsic uncertainty, PMD/Sx, 0.02 In ≤ I < 0.05 In (as IEC 62053-24 cl 1 / -23)", c, [1.5, 2.5, 4.0], none)
            .Row(0.05, Imax, "1 L, 1 C", Bal, "Ed.2 QA intrinsic uncertainty, PMD/Sx, 0.05 In ≤ I ≤ Imax (as IEC 62053-24 cl 1 / -23)", c, [1.0, 2.0, 3.0], none)
            .Row(0.02, 0.05, "0.5 L, 0.5 C", Bal, "Ed.2 QA intrinsic uncertainty, PMD/Sx, 0.02 In ≤ I < 0.05 In (as IEC 62053-24 cl 1)", c, [1.5, No, No], none)
            .Row(0.05, 0.1, "0.5 L, 0.5 C", Bal, "Ed.2 QA intrinsic uncertainty, PMD/Sx, 0.05 In ≤ I < 0.1 In (as IEC 62053-24 cl 1 / -23)", c, [1.5, 2.5, 4.0], none)
            .Row(0.1, Imax, "0.5 L, 0.5 C", Bal, "Ed.2 QA intrinsic uncertainty, PMD/Sx, 0.1 In ≤ I ≤ Imax (as IEC 62053-24 cl 1 / -23)", c, [1.0, 2.0, 3.0], none)
            .Row(0.1, Imax, "0.25 L, 0.25 C", Bal, "Ed.2 QA intrinsic uncertainty, PMD/Sx, 0.1 In ≤ I ≤ Imax, sin φ 0.25 (as IEC 62053-23)", c, [No, 2.5, 4.0], none)
            .Build();
    }
}
