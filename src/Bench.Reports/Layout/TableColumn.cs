using SkiaSharp;

namespace Bench.Reports.Layout;

/// <summary>
/// A table column: header text, a relative width, how its cells align, and whether its cell lines must stay whole
/// (<paramref name="NoWrap"/>: "0.5 L" or "±0.400 [1]" never break at their space; the column widens instead).
/// </summary>
public sealed record TableColumn(string Header, float Weight, SKTextAlign Align = SKTextAlign.Left, bool NoWrap = false);
