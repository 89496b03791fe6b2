using SkiaSharp;

namespace Bench.Reports.Layout;

/// <summary>One table row. <see cref="CellColors"/> overrides the text colour per cell (null entries keep the style's colour).</summary>
public sealed record TableRow(IReadOnlyList<string> Cells)
{
    public IReadOnlyList<SKColor?>? CellColors { get; init; }

    public bool Bold { get; init; }

    public SKColor? Background { get; init; }
}
