using SkiaSharp;

namespace Bench.Reports.Layout;

/// <summary>
/// A small flow layout: blocks (headings, wrapped paragraphs, tables, drawings) go down the page and onto a new page
/// when they do not fit. Pages are kept as drawing operations so the running header and footer can say "page x of y".
/// </summary>
public sealed class DocumentLayout
{
    private const float HeadingGap = 8;
    private const float HeadingAfter = 5;

    private readonly List<LaidOutPage> pages = [];

    public DocumentLayout(PageSpec page, ReportStyles styles)
    {
        Page = page;
        Styles = styles;
        NewPage();
    }

    public PageSpec Page { get; }

    public ReportStyles Styles { get; }

    public IReadOnlyList<LaidOutPage> Pages => pages;

    /// <summary>Vertical position of the next block on the current page, in points from the top edge.</summary>
    public float Y { get; private set; }

    internal LaidOutPage Current => pages[^1];

    public void NewPage()
    {
        pages.Add(new LaidOutPage());
        Y = Page.MarginTop;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void EnsureSpace(float height)
    {
        if (Y + height > Page.BodyBottom && Y > Page.MarginTop)
        {
            NewPage();
        }
    }

    public void Space(float points) => Y = Math.Min(Y + points, Page.BodyBottom);

    /// <summary>A section heading with a rule under it; starts a new page unless <paramref name="keepWithNext"/> points of what follows fit under it.</summary>
    public void Heading(string text, float keepWithNext = 40)
    {
        var style = Styles.Heading;
        EnsureSpace(HeadingGap + style.LineHeight + HeadingAfter + keepWithNext);
        Space(Y > Page.MarginTop ? HeadingGap : 0);
        var top = Y;
        var left = Page.MarginLeft;
        var right = Page.Width - Page.MarginRight;
        Current.Add(c =>
        {
            style.DrawLine(c, text, left, top);
            using var pen = new SKPaint { Color = ReportStyles.Rule, StrokeWidth = 0.6f, IsStroke = true };
            c.DrawLine(left, top + style.LineHeight + 1.5f, right, top + style.LineHeight + 1.5f, pen);
        });
        Y += style.LineHeight + HeadingAfter;
    }

    public void Paragraph(string text, TextStyle? style = null, SKTextAlign align = SKTextAlign.Left, float indent = 0)
    {
        style ??= Styles.Body;
        var width = Page.BodyWidth - indent;
        var x = align switch
        {
            SKTextAlign.Center => Page.MarginLeft + indent + (width / 2),
            SKTextAlign.Right => Page.Width - Page.MarginRight,
            _ => Page.MarginLeft + indent,
        };
        foreach (var line in TextWrapper.Wrap(text, style, width))
        {
            EnsureSpace(style.LineHeight);
            var top = Y;
            var s = style;
            Current.Add(c => s.DrawLine(c, line, x, top, align));
            Y += style.LineHeight;
        }

        Y += style.Size * 0.35f;
    }

    /// <summary>A drawing of fixed height across the body width; moves to the next page whole if it does not fit.</summary>
    public void Drawing(float height, Action<SKCanvas, SKRect> draw)
    {
        EnsureSpace(height);
        var rect = SKRect.Create(Page.MarginLeft, Y, Page.BodyWidth, height);
        Current.Add(c => draw(c, rect));
        Y += height + 6;
    }

    /// <summary>A table with wrapped cells; rows never split, and the header row repeats at the top of every continued page.</summary>
    public void Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows, bool showHeader = true) =>
        new TableLayout(this, columns, showHeader).Add(rows);

    internal void Advance(float height) => Y += height;
}
