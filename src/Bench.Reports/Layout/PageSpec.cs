namespace Bench.Reports.Layout;

/// <summary>Page size and margins in PDF points (1/72 inch). The default is A4 portrait with room for a header and a footer.</summary>
public sealed record PageSpec
{
    public static PageSpec A4 { get; } = new();

    public float Width { get; init; } = 595.28f;

    public float Height { get; init; } = 841.89f;

    public float MarginLeft { get; init; } = 50;

    public float MarginRight { get; init; } = 50;

    /// <summary>Top of the body; the running header sits above it.</summary>
    public float MarginTop { get; init; } = 78;

    /// <summary>Bottom of the body; the running footer sits below it.</summary>
    public float MarginBottom { get; init; } = 62;

    public float BodyWidth => Width - MarginLeft - MarginRight;

    public float BodyBottom => Height - MarginBottom;
}
