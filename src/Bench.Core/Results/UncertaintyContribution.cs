namespace Bench.Core.Results;

/// <summary>One line of a point's GUM budget as the certificate lists it (relative, in percent).</summary>
public sealed record UncertaintyContribution(string Name, string Type, string Distribution, double StatedPercent, double StandardUncertaintyPercent);
