namespace Bench.Core.Quantities;

/// <summary>Which function of φ a load point gives: cos φ (active-energy tables) or sin φ (reactive-energy tables).</summary>
public enum TrigFunction
{
    Cos,
    Sin,
}
