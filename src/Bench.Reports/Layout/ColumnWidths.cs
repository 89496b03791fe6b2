namespace Bench.Reports.Layout;

/// <summary>
/// Column widths from relative weights, widened where a column's longest word would otherwise be split mid-word
/// ("(unconfirmed)" must never read "(unconfirme / d)"). The widening comes out of the other columns by weight.
/// </summary>
public static class ColumnWidths
{
    /// <summary>No single column takes more than this share of the table, however long its longest word.</summary>
    public const float MaxShare = 0.3f;

    /// <param name="weights">Relative widths.</param>
    /// <param name="minimums">Width each column needs to keep its longest word whole.</param>
    /// <param name="total">Width of the table.</param>
    public static float[] Distribute(IReadOnlyList<float> weights, IReadOnlyList<float> minimums, float total)
    {
        var n = weights.Count;
        var min = minimums.Select(m => Math.Min(m, total * MaxShare)).ToArray();
        if (min.Sum() > total)
        {
            var scale = total / min.Sum();
            return min.Select(m => m * scale).ToArray();
        }

        var widths = new float[n];
        var fixedColumns = new bool[n];
        while (true)
        {
            var free = total - Enumerable.Range(0, n).Where(i => fixedColumns[i]).Sum(i => widths[i]);
            var freeWeight = Enumerable.Range(0, n).Where(i => !fixedColumns[i]).Sum(i => weights[i]);
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                if (fixedColumns[i])
                {
                    continue;
                }

                widths[i] = freeWeight > 0 ? free * weights[i] / freeWeight : 0;
                if (widths[i] < min[i])
                {
                    widths[i] = min[i];
                    fixedColumns[i] = true;
                    changed = true;
                }
            }

            if (!changed)
            {
                return widths;
            }
        }
    }
}
