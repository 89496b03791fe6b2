namespace Bench.Visa.Scpi;

/// <summary>One entry of an instrument's error queue: <c>-113,"Undefined header"</c>.</summary>
public sealed record ScpiError(int Code, string Message)
{
    public override string ToString() => $"{Code},\"{Message}\"";
}
