using Bench.Core.Quantities;
using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// IEC 62053-22 (static active meters, classes 0.1S, 0.2S, 0.5S, transformer-operated), balanced load,
/// as recorded in shared/standards/energy-accuracy.md §2. Only the 0.5S rows were checked against a public source;
/// the 0.1S and 0.2S columns carry the "(unconfirmed)" mark until checked against the purchased standard.
/// </summary>
public static class Iec62053Part22
{
    public const string Standard = "IEC 62053-22";

    private static readonly PowerFactor Unity = PowerFactor.Unity;
    private static readonly PowerFactor HalfInductive = new(0.5, LoadKind.Inductive);
    private static readonly PowerFactor PointEightCapacitive = new(0.8, LoadKind.Capacitive);

    public static EnergyLimitTable Table { get; } = new(Standard, Build());

    private static List<EnergyLimitRow> Build()
    {
        var rows = new List<EnergyLimitRow>();

        // Per class: (limit Imin..Itr PF1, Itr..Imax PF1, 2Imin..2Itr PF 0.5L/0.8C, 2Itr..Imax PF 0.5L/0.8C, confirmed?)
        Add(rows, "0.1S", 0.2, 0.1, 0.2, 0.15, confirmed: false);
        Add(rows, "0.2S", 0.4, 0.2, 0.5, 0.3, confirmed: false);
        Add(rows, "0.5S", 1.0, 0.5, 1.0, 0.6, confirmed: true);
        return rows;
    }

    private static void Add(List<EnergyLimitRow> rows, string cls, double lowPf1, double pf1, double lowPf05, double pf05, bool confirmed)
    {
        var unity = new LimitSource(Standard, "Ed.1 Table 4 / Ed.2 (Imin–Itr), balanced load, PF 1", !confirmed);
        var reduced = new LimitSource(Standard, "Ed.1 Table 4 / Ed.2 (2·Imin–2·Itr), balanced load, PF 0.5 L / 0.8 C", !confirmed);
        rows.Add(new EnergyLimitRow(cls, 0.01, 0.05, false, [Unity], lowPf1, unity));
        rows.Add(new EnergyLimitRow(cls, 0.05, double.PositiveInfinity, true, [Unity], pf1, unity));
        rows.Add(new EnergyLimitRow(cls, 0.02, 0.1, false, [HalfInductive, PointEightCapacitive], lowPf05, reduced));
        rows.Add(new EnergyLimitRow(cls, 0.1, double.PositiveInfinity, true, [HalfInductive, PointEightCapacitive], pf05, reduced));
    }
}
