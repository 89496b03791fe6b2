using Bench.Core.Quantities;

namespace Bench.Plans.Model;

/// <summary>One load point of a plan as written: current, power factor, voltage and frequency, and where it stands in the file.</summary>
public sealed record PlanPoint(string Id, RatedValue Current, PowerFactor PowerFactor, RatedValue Voltage, RatedValue Frequency, string Where);
