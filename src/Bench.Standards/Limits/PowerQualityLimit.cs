using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// The allowed measurement uncertainty of one IEC 61000-4-30 parameter for one class, in <see cref="Unit"/>:
/// "mHz" (absolute), "% of Udin" or "% of In" (relative to the nominal, not to the reading).
/// </summary>
public sealed record PowerQualityLimit(PowerQualityParameter Parameter, string AccuracyClass, double Limit, string Unit, LimitSource Source);
