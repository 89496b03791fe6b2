using SkiaSharp;

namespace Bench.Reports.Layout;

/// <summary>Lays out one table into a <see cref="DocumentLayout"/>: column widths, wrapped cells, header repeated per page.</summary>
internal sealed class TableLayout
{
    private const float PadX = 3f;
    private const float PadY = 2.2f;

    private readonly DocumentLayout doc;
    private readonly IReadOnlyList<TableColumn> columns;
    private readonly bool showHeader;
    private float[] widths = [];

    public TableLayout(DocumentLayout doc, IReadOnlyList<TableColumn> columns, bool showHeader)
    {
        this.doc = doc;
        this.columns = columns;
        this.showHeader = showHeader;
    }

    public void Add(IReadOnlyList<TableRow> rows)
    {
        var header = new TableRow(columns.Select(c => c.Header).ToList()) { Bold = true, Background = ReportStyles.Shade };
        var measured = showHeader ? rows.Prepend(header) : rows;
        widths = ColumnWidths.Distribute(columns.Select(c => c.Weight).ToList(), MinimumWidths(measured, header), doc.Page.BodyWidth);
        var headerHeight = showHeader ? Measure(header) : 0;
        var firstHeight = rows.Count > 0 ? Measure(rows[0]) : 0;
        doc.EnsureSpace(headerHeight + firstHeight);
        if (showHeader)
        {
            Draw(header, headerHeight);
        }

        foreach (var row in rows)
        {
            var height = Measure(row);
            // A row taller than a whole page is drawn where it starts rather than pushed onto page after page.
            var pageHasRows = doc.Y > doc.Page.MarginTop + headerHeight + 0.5f;
            if (doc.Y + height > doc.Page.BodyBottom && pageHasRows)
            {
                doc.NewPage();
                if (showHeader)
                {
                    Draw(header, headerHeight);
                }
            }

            Draw(row, height);
        }

        doc.Advance(6);
    }

    /// <summary>Per column, the widest single word (whole line for no-wrap columns) in any of its cells, plus padding; headers may wrap.</summary>
    private float[] MinimumWidths(IEnumerable<TableRow> rows, TableRow header)
    {
        var minimums = new float[columns.Count];
        foreach (var row in rows)
        {
            var style = StyleOf(row);
            for (var i = 0; i < columns.Count; i++)
            {
                char[] breaks = columns[i].NoWrap && !ReferenceEquals(row, header) ? ['\n'] : [' ', '\n'];
                foreach (var word in Cell(row, i).Split(breaks, StringSplitOptions.RemoveEmptyEntries))
                {
                    minimums[i] = Math.Max(minimums[i], style.Measure(word) + (2 * PadX) + 0.5f);
                }
            }
        }

        return minimums;
    }

    private TextStyle StyleOf(TableRow row) => row.Bold ? doc.Styles.TableHeader : doc.Styles.TableText;

    private float Measure(TableRow row)
    {
        var style = StyleOf(row);
        var lines = 1;
        for (var i = 0; i < columns.Count; i++)
        {
            lines = Math.Max(lines, TextWrapper.Wrap(Cell(row, i), style, widths[i] - (2 * PadX)).Count);
        }

        return (lines * style.LineHeight) + (2 * PadY);
    }

    private static string Cell(TableRow row, int i) => i < row.Cells.Count ? row.Cells[i] : "";

    private void Draw(TableRow row, float height)
    {
        var top = doc.Y;
        var left = doc.Page.MarginLeft;
        var style = StyleOf(row);
        var cells = new List<(string Line, float X, float Top, SKTextAlign Align, TextStyle Style)>();
        var x = left;
        for (var i = 0; i < columns.Count; i++)
        {
            var align = columns[i].Align;
            var cellStyle = row.CellColors is { } colors && i < colors.Count && colors[i] is { } color ? style.WithColor(color) : style;
            var anchor = align switch
            {
                SKTextAlign.Right => x + widths[i] - PadX,
                SKTextAlign.Center => x + (widths[i] / 2),
                _ => x + PadX,
            };
            var lineTop = top + PadY;
            foreach (var line in TextWrapper.Wrap(Cell(row, i), style, widths[i] - (2 * PadX)))
            {
                cells.Add((line, anchor, lineTop, align, cellStyle));
                lineTop += style.LineHeight;
            }

            x += widths[i];
        }

        var width = widths.Sum();
        var background = row.Background;
        doc.Current.Add(c =>
        {
            if (background is { } bg)
            {
                using var fill = new SKPaint { Color = bg, Style = SKPaintStyle.Fill };
                c.DrawRect(left, top, width, height, fill);
            }

            using var rule = new SKPaint { Color = ReportStyles.Rule, StrokeWidth = 0.4f, IsStroke = true };
            c.DrawLine(left, top + height, left + width, top + height, rule);
            foreach (var cell in cells)
            {
                cell.Style.DrawLine(c, cell.Line, cell.X, cell.Top, cell.Align);
            }
        });
        doc.Advance(height);
    }
}
