namespace Bench.Plans.Model;

/// <summary>
/// A certification plan: which standard and class, how each point is measured (settling, gate length, decision rule),
/// and the load points. Loaded from YAML by <see cref="Loading.PlanLoader"/>.
/// </summary>
public sealed record TestPlan(
    string Name,
    string Standard,
    string AccuracyClass,
    string Quantity,
    string DecisionRule,
    IReadOnlyList<PlanPoint> Points)
{
    public string File { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>Wait after applying a setpoint before the gate opens.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Shortest gate, whatever the energy register resolution allows.</summary>
    public TimeSpan MinimumGate { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest gate; when it binds, the register resolution weighs more in the budget.</summary>
    public TimeSpan MaximumGate { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The meter's register resolution must stay within this fraction of the limit (energy-accuracy.md §10: 1/10).</summary>
    public double ResolutionFractionOfLimit { get; init; } = 0.1;

    /// <summary>
    /// How the meter's energy is taken: "register" (its energy register before and after the gate) or "pulse" (its
    /// pulse output counted by the reference standard over the gate, at the meter constant of the DUT profile).
    /// </summary>
    public string EnergyMethod { get; init; } = "register";

    /// <summary>IEC 61557-12 plans: the class each function of the PMD marking claims.</summary>
    public IReadOnlyDictionary<Standards.Limits.PmdFunction, double> FunctionClasses { get; init; } = new Dictionary<Standards.Limits.PmdFunction, double>();

    /// <summary>Gates per point; two or more give the Type A component of the budget.</summary>
    public int Repeats { get; init; } = 1;
}
