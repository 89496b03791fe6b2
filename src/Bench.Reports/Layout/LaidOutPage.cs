using SkiaSharp;

namespace Bench.Reports.Layout;

/// <summary>The body of one page as a list of drawing operations, replayed once the page count is known.</summary>
public sealed class LaidOutPage
{
    private readonly List<Action<SKCanvas>> operations = [];

    public int OperationCount => operations.Count;

    public void Add(Action<SKCanvas> operation) => operations.Add(operation);

    public void Draw(SKCanvas canvas)
    {
        foreach (var op in operations)
        {
            op(canvas);
        }
    }
}
