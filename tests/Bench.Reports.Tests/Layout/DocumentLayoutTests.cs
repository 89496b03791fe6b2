using Bench.Reports.Layout;

using SkiaSharp;

namespace Bench.Reports.Tests.Layout;

public sealed class DocumentLayoutTests
{
    private static readonly string Fonts = Path.Combine(AppContext.BaseDirectory, "reports", "fonts");

    private static readonly ReportStyles Styles = new(
        SKTypeface.FromFile(Path.Combine(Fonts, "LiberationSans-Regular.ttf")),
        SKTypeface.FromFile(Path.Combine(Fonts, "LiberationSans-Bold.ttf")));

    [Test]
    public void A_heading_is_never_left_alone_at_the_foot_of_a_page()
    {
        // Sweep every starting height: heading + a drawing it must keep with always land on one page.
        for (var fill = 0f; fill < 720; fill += 0.5f)
        {
            var doc = new DocumentLayout(PageSpec.A4, Styles);
            doc.Space(fill);
            doc.Heading("Error curve", keepWithNext: 256);
            var headingPage = doc.Pages.Count;
            doc.Drawing(250, (_, _) => { });
            Assert.That(doc.Pages, Has.Count.EqualTo(headingPage), $"heading and drawing split when starting at {fill} pt");
        }
    }

    [Test]
    public void A_row_taller_than_a_page_does_not_leave_empty_pages_behind()
    {
        var doc = new DocumentLayout(PageSpec.A4, Styles);
        var huge = string.Join("\n", Enumerable.Repeat("line", 120)); // 120 lines × ~9.6 pt > one page body
        doc.Table([new TableColumn("A", 1), new TableColumn("B", 1)], [new TableRow(["huge", huge]), new TableRow(["next", "x"])]);
        Assert.That(doc.Pages, Has.Count.EqualTo(2), "the huge row stays under its header on page 1 (overflowing it); the next row starts page 2");
    }

    [Test]
    public void Paragraph_lines_flow_onto_the_next_page_and_stay_in_the_body()
    {
        var doc = new DocumentLayout(PageSpec.A4, Styles);
        var text = string.Join(" ", Enumerable.Repeat("A long paragraph of certificate prose that wraps.", 400));
        doc.Paragraph(text);
        Assert.That(doc.Pages.Count, Is.GreaterThan(2));
        Assert.That(doc.Y, Is.LessThanOrEqualTo(PageSpec.A4.BodyBottom));
    }

    [Test]
    public void Wrapping_breaks_at_spaces_and_splits_only_overlong_words()
    {
        var style = Styles.Body;
        var width = Math.Max(style.Measure("alpha beta"), style.Measure("gamma delta")) + 1;
        Assert.That(width, Is.LessThan(style.Measure("alpha beta gamma")));
        var lines = TextWrapper.Wrap("alpha beta gamma delta", style, width);
        Assert.That(lines, Is.EqualTo(new[] { "alpha beta", "gamma delta" }));
        // Liberation Sans digits share one advance width, so eight digits fill each line exactly.
        var split = TextWrapper.Wrap("0123456789012345", style, style.Measure("01234567") + 0.5f);
        Assert.That(split, Is.EqualTo(new[] { "01234567", "89012345" }));
        Assert.That(TextWrapper.Wrap("one\ntwo", style, 500), Is.EqualTo(new[] { "one", "two" }));
    }
}
