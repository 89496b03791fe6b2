using SkiaSharp;

namespace Bench.Reports.Layout;

/// <summary>A table column: header text, a relative width, and how its cells align.</summary>
public sealed record TableColumn(string Header, float Weight, SKTextAlign Align = SKTextAlign.Left);
