using SkiaSharp;

namespace Bench.Reports.Layout;

/// <summary>The text styles and colours of a report, built from one regular and one bold typeface.</summary>
public sealed record ReportStyles(SKTypeface Regular, SKTypeface Bold)
{
    public static SKColor Ink { get; } = new(0x1a, 0x1a, 0x1a);

    public static SKColor Muted { get; } = new(0x5f, 0x63, 0x68);

    public static SKColor Rule { get; } = new(0xb0, 0xb4, 0xba);

    public static SKColor Shade { get; } = new(0xee, 0xf1, 0xf5);

    public static SKColor Accent { get; } = new(0x1f, 0x3a, 0x5f);

    public static SKColor PassGreen { get; } = new(0x1b, 0x6e, 0x20);

    public static SKColor FailRed { get; } = new(0xb0, 0x1c, 0x1c);

    public static SKColor WarnAmber { get; } = new(0x9a, 0x5b, 0x00);

    public TextStyle Title => new(Bold, 17, Accent);

    public TextStyle Heading => new(Bold, 11.5f, Accent);

    public TextStyle Body => new(Regular, 9, Ink);

    public TextStyle BodyBold => new(Bold, 9, Ink);

    public TextStyle Small => new(Regular, 7.5f, Muted);

    public TextStyle TableText => new(Regular, 7.5f, Ink);

    public TextStyle TableHeader => new(Bold, 7.5f, Ink);
}
