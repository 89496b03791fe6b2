using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>Allowed variation of the error (percent) caused by one influence quantity at a power factor, for one class.</summary>
public sealed record InfluenceLimitRow(string Standard, string AccuracyClass, InfluenceKind Influence, bool UnityPowerFactor, double VariationPercent, LimitSource Source);
