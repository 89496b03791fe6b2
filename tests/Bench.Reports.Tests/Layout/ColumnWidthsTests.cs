using Bench.Reports.Layout;

namespace Bench.Reports.Tests.Layout;

public sealed class ColumnWidthsTests
{
    [Test]
    public void Without_minimums_widths_follow_the_weights()
    {
        var w = ColumnWidths.Distribute([1, 2, 1], [0, 0, 0], 400);
        Assert.That(w, Is.EqualTo(new[] { 100f, 200f, 100f }).Within(1e-3));
    }

    [Test]
    public void A_narrow_column_is_widened_from_the_others_by_weight()
    {
        // Column 0 needs 110 of 400; the remaining 290 split 2:1 → 193.3 and 96.7.
        var w = ColumnWidths.Distribute([1, 2, 1], [110, 0, 0], 400);
        Assert.That(w, Is.EqualTo(new[] { 110f, 580f / 3, 290f / 3 }).Within(1e-3));
        Assert.That(w.Sum(), Is.EqualTo(400).Within(1e-3));
    }

    [Test]
    public void Widening_cascades_when_a_shrunk_column_falls_below_its_own_minimum()
    {
        // After column 0 takes 110, column 2 would get 96.7 < 100: it is fixed at 100, column 1 gets the rest, 190.
        var w = ColumnWidths.Distribute([1, 2, 1], [110, 0, 100], 400);
        Assert.That(w, Is.EqualTo(new[] { 110f, 190f, 100f }).Within(1e-3));
    }

    [Test]
    public void No_column_takes_more_than_its_cap_and_impossible_minimums_scale_down()
    {
        // Weight alone gives column 0 a quarter (100); its huge minimum widens it only to the cap, 30 % (120).
        var capped = ColumnWidths.Distribute([1, 3], [1000, 0], 400);
        Assert.That(capped[0], Is.EqualTo(400 * ColumnWidths.MaxShare).Within(1e-3));
        var scaled = ColumnWidths.Distribute([1, 1, 1, 1], [110, 110, 110, 110], 400);
        Assert.That(scaled.Sum(), Is.EqualTo(400).Within(1e-3));
    }
}
