using Bench.Core.Quantities;

using static Bench.Standards.Limits.LimitTableBuilder;

namespace Bench.Standards.Limits;

/// <summary>
/// The energy-accuracy tables of shared/standards/energy-accuracy.md and pmd-61557-12.md, transformer-operated
/// (In-based) forms. A figure that the notes mark [C] is confirmed; every other one carries "(unconfirmed)" until it is
/// checked against the purchased standard. NaN = the class has no limit in that row.
/// </summary>
public static class EnergyStandards
{
    private const double No = double.NaN;
    private const LoadConnection Bal = LoadConnection.Balanced;
    private const LoadConnection One = LoadConnection.SinglePhase;

    /// <summary>IEC 62053-22 (static active meters, 0.1S/0.2S/0.5S), energy-accuracy.md §2.</summary>
    public static EnergyLimitTable Iec62053Part22 { get; } = Table22();

    /// <summary>IEC 62053-21 (static active meters, classes 0.5/1/2), transformer-operated rows, energy-accuracy.md §3.</summary>
    public static EnergyLimitTable Iec62053Part21 { get; } = Table21();

    /// <summary>IEC 62053-23 (static reactive meters, classes 2/3), transformer-operated rows, energy-accuracy.md §4.</summary>
    public static EnergyLimitTable Iec62053Part23 { get; } = Table23();

    /// <summary>IEC 62053-24 (fundamental reactive, 0.5S/1S/1), energy-accuracy.md §5.</summary>
    public static EnergyLimitTable Iec62053Part24 { get; } = Table24();

    /// <summary>ANSI C12.20 (classes 0.1/0.2/0.5) with In = test amperes (TA) and Imax = class amperes, energy-accuracy.md §6.</summary>
    public static EnergyLimitTable AnsiC1220 { get; } = TableC1220();

    /// <summary>EN 50470-3 Table 4 limits at reference conditions (classes A/B/C, CT-operated: Itr = 0.05 In), energy-accuracy.md §7.</summary>
    public static EnergyLimitTable En50470Part3 { get; } = Table50470();

    /// <summary>IEC 61557-12 intrinsic uncertainty of P and Ea for PMD/Sx (In-based), pmd-61557-12.md §4.</summary>
    public static EnergyLimitTable Iec61557Part12 { get; } = Table61557();

    public static IReadOnlyList<EnergyLimitTable> All { get; } =
        [Iec62053Part22, Iec62053Part21, Iec62053Part23, Iec62053Part24, AnsiC1220, En50470Part3, Iec61557Part12];

    private static EnergyLimitTable Table22()
    {
        string[] c = ["0.1S", "0.2S", "0.5S"];
        bool[] only05S = [false, false, true];
        bool[] none = [false, false, false];
        return new LimitTableBuilder("IEC 62053-22", "active-energy", TrigFunction.Cos)
            .Row(0.01, 0.05, "1", Bal, "Table 4, balanced, Imin ≤ I < Itr", c, [0.2, 0.4, 1.0], only05S)
            .Row(0.05, Imax, "1", Bal, "Table 4, balanced, Itr ≤ I ≤ Imax", c, [0.1, 0.2, 0.5], only05S)
            .Row(0.02, 0.1, "0.5 L, 0.8 C", Bal, "Table 4, balanced, 2·Imin ≤ I < 2·Itr", c, [0.2, 0.5, 1.0], only05S)
            .Row(0.1, Imax, "0.5 L, 0.8 C", Bal, "Table 4, balanced, 2·Itr ≤ I ≤ Imax", c, [0.15, 0.3, 0.6], only05S)
            .Row(0.1, Imax, "0.25 L, 0.5 C", Bal, "Table 4, balanced, special request", c, [No, 0.5, 1.0], only05S)
            .Row(0.05, Imax, "1", One, "Table 5, single-phase load, Itr ≤ I ≤ Imax", c, [0.2, 0.3, 0.6], none)
            .Row(0.1, Imax, "0.5 L", One, "Table 5, single-phase load, 2·Itr ≤ I ≤ Imax", c, [0.3, 0.4, 1.0], none)
            .Build();
    }

    private static EnergyLimitTable Table21()
    {
        string[] c = ["0.5", "1", "2"];
        bool[] none = [false, false, false];
        return new LimitTableBuilder("IEC 62053-21", "active-energy", TrigFunction.Cos)
            .Row(0.02, 0.05, "1", Bal, "CT-operated, balanced, 0.02 In ≤ I < 0.05 In", c, [1.0, 1.5, 2.5], none)
            .Row(0.05, Imax, "1", Bal, "CT-operated, balanced, 0.05 In ≤ I ≤ Imax", c, [0.5, 1.0, 2.0], none)
            .Row(0.05, 0.1, "0.5 L, 0.8 C", Bal, "CT-operated, balanced, 0.05 In ≤ I < 0.1 In", c, [1.0, 1.5, 2.5], none)
            .Row(0.1, Imax, "0.5 L, 0.8 C", Bal, "CT-operated, balanced, 0.1 In ≤ I ≤ Imax", c, [0.6, 1.0, 2.0], none)
            .Row(0.1, 1.0 + 1e-9, "0.25 L", Bal, "CT-operated, special request, 0.1 In ≤ I ≤ In", c, [No, 3.5, No], none)
            .Row(0.1, 1.0 + 1e-9, "0.5 C", Bal, "CT-operated, special request, 0.1 In ≤ I ≤ In", c, [No, 2.5, No], none)
            .Row(0.05, Imax, "1", One, "CT-operated, single-phase load, 0.05 In ≤ I ≤ Imax", c, [0.6, 2.0, 3.0], none)
            .Row(0.1, Imax, "0.5 L", One, "CT-operated, single-phase load, 0.1 In ≤ I ≤ Imax", c, [1.0, 2.0, 3.0], none)
            .Build();
    }

    private static EnergyLimitTable Table23()
    {
        string[] c = ["2", "3"];
        bool[] none = [false, false];
        return new LimitTableBuilder("IEC 62053-23", "reactive-energy", TrigFunction.Sin)
            .Row(0.02, 0.05, "1 L, 1 C", Bal, "CT-operated, balanced, 0.02 In ≤ I < 0.05 In", c, [2.5, 4.0], none)
            .Row(0.05, Imax, "1 L, 1 C", Bal, "CT-operated, balanced, 0.05 In ≤ I ≤ Imax", c, [2.0, 3.0], none)
            .Row(0.05, 0.1, "0.5 L, 0.5 C", Bal, "CT-operated, balanced, 0.05 In ≤ I < 0.1 In", c, [2.5, 4.0], none)
            .Row(0.1, Imax, "0.5 L, 0.5 C", Bal, "CT-operated, balanced, 0.1 In ≤ I ≤ Imax", c, [2.0, 3.0], none)
            .Row(0.1, Imax, "0.25 L, 0.25 C", Bal, "CT-operated, balanced, 0.1 In ≤ I ≤ Imax, sin φ 0.25", c, [2.5, 4.0], none)
            .Row(0.05, Imax, "1 L, 1 C", One, "CT-operated, single-phase load, 0.05 In ≤ I ≤ Imax", c, [3.0, 4.0], none)
            .Row(0.1, Imax, "0.5 L, 0.5 C", One, "CT-operated, single-phase load, 0.1 In ≤ I ≤ Imax", c, [3.0, 4.0], none)
            .Build();
    }

    private static EnergyLimitTable Table24()
    {
        string[] c = ["0.5S", "1S", "1"];
        bool[] none = [false, false, false];
        return new LimitTableBuilder("IEC 62053-24", "reactive-energy", TrigFunction.Sin)
            .Row(0.01, 0.05, "1 L, 1 C", Bal, "balanced, Imin ≤ I < Itr", c, [1.0, 1.5, 1.5], none)
            .Row(0.05, Imax, "1 L, 1 C", Bal, "balanced, Itr ≤ I ≤ Imax", c, [0.5, 1.0, 1.0], none)
            .Row(0.02, 0.1, "0.5 L, 0.5 C", Bal, "balanced, 2·Imin ≤ I < 2·Itr", c, [1.0, 1.5, 1.5], none)
            .Row(0.1, Imax, "0.5 L, 0.5 C", Bal, "balanced, 2·Itr ≤ I ≤ Imax", c, [0.6, 1.0, 1.0], none)
            .Row(0.05, Imax, "1 L, 1 C", One, "single-phase load, Itr ≤ I ≤ Imax", c, [0.6, 1.5, 1.5], none)
            .Row(0.1, Imax, "0.5 L", One, "single-phase load, 2·Itr ≤ I ≤ Imax", c, [1.0, 1.5, 1.5], none)
            .Build();
    }

    private static EnergyLimitTable TableC1220()
    {
        // Only "±class % at TA, PF 1" is [C]; the ranges and the other rows are (unconfirmed), the 0.1/0.5 rows scaled from 0.2.
        string[] c = ["0.1", "0.2", "0.5"];
        bool[] none = [false, false, false];
        return new LimitTableBuilder("ANSI C12.20", "active-energy", TrigFunction.Cos)
            .Row(0.01, 0.1, "1", Bal, "load performance, 1 % TA ≤ I < LL (10 % TA)", c, [0.2, 0.4, 1.0], none)
            .Row(0.1, Imax, "1", Bal, "load performance, LL ≤ I ≤ class amperes", c, [0.1, 0.2, 0.5], none)
            .Row(0.1, Imax, "0.5 L", Bal, "load performance, PF 0.5 lag", c, [0.15, 0.3, 0.75], none)
            .Build();
    }

    private static EnergyLimitTable Table50470()
    {
        string[] c = ["A", "B", "C"];
        bool[] none = [false, false, false];
        return new LimitTableBuilder("EN 50470-3", "active-energy", TrigFunction.Cos)
            .Row(0.02, 0.05, "1", Bal, "Table 4, Imin ≤ I < Itr (CT-operated, Itr = 0.05 In)", c, [2.5, 1.5, 1.0], none)
            .Row(0.05, Imax, "1", Bal, "Table 4, Itr ≤ I ≤ Imax", c, [2.0, 1.0, 0.5], none)
            .Build();
    }

    private static EnergyLimitTable Table61557()
    {
        string[] c = ["0.2", "0.5", "1", "2"];
        bool[] none = [false, false, false, false];
        return new LimitTableBuilder("IEC 61557-12", "active-energy", TrigFunction.Cos)
            .Row(0.01, 0.02, "1", Bal, "P/Ea intrinsic uncertainty, PMD/Sx, 0.01 In ≤ I < 0.02 In", c, [0.4, 1.0, No, No], none)
            .Row(0.02, 0.05, "1", Bal, "P/Ea intrinsic uncertainty, PMD/Sx, 0.02 In ≤ I < 0.05 In", c, [0.4, 1.0, 1.5, 2.5], none)
            .Row(0.05, Imax, "1", Bal, "P/Ea intrinsic uncertainty, PMD/Sx, 0.05 In ≤ I ≤ Imax", c, [0.2, 0.5, 1.0, 2.0], none)
            .Row(0.02, 0.05, "0.5 L, 0.8 C", Bal, "P/Ea intrinsic uncertainty, PMD/Sx, 0.02 In ≤ I < 0.05 In", c, [0.5, 1.0, No, No], none)
            .Row(0.05, 0.1, "0.5 L, 0.8 C", Bal, "P/Ea intrinsic uncertainty, PMD/Sx, 0.05 In ≤ I < 0.1 In", c, [0.5, 1.0, 1.5, 2.5], none)
            .Row(0.1, Imax, "0.5 L, 0.8 C", Bal, "P/Ea intrinsic uncertainty, PMD/Sx, 0.1 In ≤ I ≤ Imax", c, [0.3, 0.6, 1.0, 2.0], none)
            .Row(0.1, Imax, "0.25 L, 0.5 C", Bal, "P/Ea intrinsic uncertainty, PMD/Sx, 0.1 In ≤ I ≤ Imax", c, [0.5, 1.0, 3.5, No], none)
            .Build();
    }
}
