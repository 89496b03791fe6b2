using Bench.Core.Quantities;
using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>Writes a standard's table row by row, one column per class, so the C# reads like the table it copies.</summary>
internal sealed class LimitTableBuilder(string standard, string quantity, TrigFunction function)
{
    private readonly List<EnergyLimitRow> _rows = [];

    public const double Imax = double.PositiveInfinity;

    /// <summary>
    /// One table row: current from <paramref name="from"/>·In to <paramref name="to"/>·In (or <see cref="Imax"/>),
    /// the angles as written ("1", "0.5 L", "0.8 C"), and per class its limit (NaN = no limit for that class).
    /// </summary>
    public LimitTableBuilder Row(double from, double to, string angles, LoadConnection load, string clause, IReadOnlyList<string> classes, IReadOnlyList<double> limits, bool[] confirmed)
    {
        var parsed = angles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(a => LoadAngle.TryParse(a, function, out var angle) ? angle : throw new ArgumentException($"bad angle '{a}' in {standard} {clause}"))
            .ToList();
        for (var k = 0; k < classes.Count; k++)
        {
            if (!double.IsNaN(limits[k]))
            {
                var source = new LimitSource(standard, clause, !confirmed[k]);
                _rows.Add(new EnergyLimitRow(classes[k], from, to, double.IsPositiveInfinity(to), parsed, load, limits[k], source));
            }
        }

        return this;
    }

    public EnergyLimitTable Build() => new(standard, quantity, function, _rows);
}
