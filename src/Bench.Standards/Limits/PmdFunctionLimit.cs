using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// The intrinsic uncertainty of one PMD function at one operating point for its declared class: ±<see cref="Limit"/>
/// in <see cref="Unit"/> ("% of reading", "absolute PF", "percentage points").
/// </summary>
public sealed record PmdFunctionLimit(PmdFunction Function, double FunctionClass, double Limit, string Unit, LimitSource Source);
