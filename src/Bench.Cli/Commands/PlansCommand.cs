using System.CommandLine;
using System.Text;

using Bench.Cli.Running;
using Bench.Core.Errors;
using Bench.Plans.Loading;
using Bench.Plans.Model;
using Bench.Standards.Limits;

namespace Bench.Cli.Commands;

/// <summary>`bench plans`: the shipped plans with their standard, class, point count and the clauses their limits come from.</summary>
public static class PlansCommand
{
    /// <summary>Where the plan's limits come from: the table rows of its class, or the PQ parameters its points compare.</summary>
    private static List<string> Clauses(TestPlan plan, string file)
    {
        if (plan.Quantity == "power-quality")
        {
            return plan.Points.Select(p => PowerQualityLimits.Find(plan.AccuracyClass, p.Parameter!.Value, p.Where).Source.ToString()).Distinct().ToList();
        }

        if (plan.Quantity == "pmd-functions")
        {
            return plan.Points.SelectMany(p => PmdFunctionLimits.Sources(p.Pmd!.Function, plan.FunctionClasses[p.Pmd.Function])).Select(s => s.ToString()).Distinct().ToList();
        }

        var table = LimitTables.ForStandard(plan.Standard, file);
        var clauses = table.Rows.Where(r => r.AccuracyClass.Equals(plan.AccuracyClass, StringComparison.OrdinalIgnoreCase)).Select(r => r.Source.ToString());
        var special = plan.Points.Where(p => p.Test != PointTest.Accuracy).Select(p => p.Test switch
        {
            PointTest.Starting => CreepAndStarting.StartingSource(plan.Standard).ToString(),
            PointTest.NoLoad => CreepAndStarting.NoLoadSource(plan.Standard).ToString(),
            PointTest.Repeatability => Repeatability.Source(plan.Standard).ToString(),
            _ => InfluenceLimits.Find(plan.Standard, plan.AccuracyClass, p.Influence!.Value, Math.Abs(p.Angle.CosPhi - 1) < 1e-9, p.Where).Source.ToString(),
        });
        return clauses.Concat(special).Distinct().ToList();
    }

    public static Command Create()
    {
        var command = new Command("plans", "List the shipped test plans with standard, class and clause");
        command.SetAction(async (ParseResult _, CancellationToken ct) =>
        {
            var folder = ShippedFiles.Path("testplans");
            var status = ExitCodes.Passed;
            foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                try
                {
                    var plan = PlanLoader.Load(file);
                    var clauses = Clauses(plan, file);
                    var kinds = plan.Points.GroupBy(p => p.Test).Select(g => $"{g.Count()} {g.Key.WireName()}");
                    var output = new StringBuilder();
                    output.AppendLine(Path.GetFileName(file));
                    output.AppendLine($"  {plan.Name}");
                    output.AppendLine($"  {plan.Standard} class {plan.AccuracyClass}, {plan.Quantity}: {plan.Points.Count} points ({string.Join(", ", kinds)}), decision rule {plan.DecisionRule}");
                    output.AppendLine("  clauses:");
                    foreach (var clause in clauses)
                    {
                        output.AppendLine($"    {clause}");
                    }

                    await Console.Out.WriteAsync(output.ToString());
                }
                catch (BenchInputException e)
                {
                    await Console.Error.WriteLineAsync($"bench: {e.Message}");
                    status = ExitCodes.BadInput;
                }
            }

            return status;
        });
        return command;
    }
}
