using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Core.Yaml;
using Bench.Plans.Model;
using Bench.Standards.Decisions;
using Bench.Standards.Limits;

namespace Bench.Plans.Loading;

/// <summary>Reads a plan file and checks it: every error names file:line:col and stops the load before anything is energized.</summary>
public static class PlanLoader
{
    public static TestPlan Load(string path)
    {
        var root = YamlMap.LoadFile(path);
        var name = root.RequiredString("name");
        var standardNode = root.Scalar("standard") ?? throw new BenchInputException(root.Where, "missing 'standard'");
        if (PowerQualityLimits.IsPowerQualityStandard(standardNode.Value ?? ""))
        {
            return LoadPowerQuality(root, path, name);
        }

        if ((standardNode.Value ?? "").Trim().Equals(PmdFunctionLimits.Standard, StringComparison.OrdinalIgnoreCase) && root.OptionalString("quantity") == "pmd-functions")
        {
            return PmdFunctionPlanLoader.Load(root, path, name);
        }

        var table = LimitTables.ForStandard(standardNode.Value ?? "", root.At(standardNode));
        var classNode = root.Scalar("class") ?? throw new BenchInputException(root.Where, "missing 'class'");
        var accuracyClass = classNode.Value ?? "";
        if (!table.HasClass(accuracyClass))
        {
            throw new BenchInputException(root.At(classNode), $"{table.Standard} has no class '{accuracyClass}' (known: {string.Join(", ", table.Classes)})");
        }

        var quantityNode = root.Scalar("quantity");
        var quantity = quantityNode?.Value ?? table.Quantity;
        if (quantity != table.Quantity)
        {
            throw new BenchInputException(root.At(quantityNode!), $"{table.Standard} is a table for '{table.Quantity}', not '{quantity}'");
        }

        var (rule, repeats, description, settle) = ReadConduct(root);
        var minimumGate = Seconds(root, "minimum-gate-s", 10);
        var maximumGate = Seconds(root, "maximum-gate-s", TimeSpan.FromDays(30).TotalSeconds);
        var fraction = root.OptionalDouble("resolution-fraction") ?? 0.1;
        if (fraction is <= 0 or > 1)
        {
            throw new BenchInputException(root.At(root.Scalar("resolution-fraction")!), "'resolution-fraction' lies in (0, 1]");
        }

        var methodNode = root.Scalar("method");
        var method = methodNode?.Value ?? "register";
        if (method is not ("register" or "pulse"))
        {
            throw new BenchInputException(root.At(methodNode!), $"'{method}': method is register or pulse");
        }

        if (maximumGate < minimumGate)
        {
            throw new BenchInputException(root.Where, "'maximum-gate-s' is shorter than 'minimum-gate-s'");
        }

        var points = new List<PlanPoint>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in root.RequiredList("points"))
        {
            var point = ReadPoint(p, table.AngleFunction);
            if (!ids.Add(point.Id))
            {
                throw new BenchInputException(p.Where, $"point id '{point.Id}' appears twice");
            }

            points.Add(point);
        }

        root.RejectUnknownKeys();
        return new TestPlan(name, table.Standard, accuracyClass, quantity, rule, points)
        {
            File = path,
            Description = description,
            Settle = settle,
            MinimumGate = minimumGate,
            MaximumGate = maximumGate,
            ResolutionFractionOfLimit = fraction,
            Repeats = repeats,
            EnergyMethod = method,
        };
    }

    /// <summary>
    /// An IEC 61000-4-30 plan (quantity power-quality): each point sets the source and names the parameter the meter's
    /// reading is compared on.
    /// </summary>
    private static TestPlan LoadPowerQuality(YamlMap root, string path, string name)
    {
        var classNode = root.Scalar("class") ?? throw new BenchInputException(root.Where, "missing 'class'");
        if (!PowerQualityLimits.HasClass(classNode.Value ?? ""))
        {
            throw new BenchInputException(root.At(classNode), $"{PowerQualityLimits.Standard} has no class '{classNode.Value}' (known: {string.Join(", ", PowerQualityLimits.Classes)})");
        }

        const string quantity = "power-quality";
        var quantityNode = root.Scalar("quantity");
        if (quantityNode is not null && quantityNode.Value != quantity)
        {
            throw new BenchInputException(root.At(quantityNode), $"{PowerQualityLimits.Standard} plans measure 'power-quality', not '{quantityNode.Value}'");
        }

        var (rule, repeats, description, settle) = ReadConduct(root);
        var points = new List<PlanPoint>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in root.RequiredList("points"))
        {
            var id = p.RequiredString("id");
            if (!ids.Add(id))
            {
                throw new BenchInputException(p.Where, $"point id '{id}' appears twice");
            }

            var parameterNode = p.Scalar("parameter") ?? throw new BenchInputException(p.Where, $"point '{id}': missing 'parameter'");
            (string Name, PowerQualityParameter Parameter)[] allowed = [.. ParameterNames, .. PowerQualityPointReader.Parameters];
            var parameter = allowed.FirstOrDefault(n => n.Name == parameterNode.Value?.Trim().ToLowerInvariant()).Parameter;
            if (!allowed.Any(n => n.Name == parameterNode.Value?.Trim().ToLowerInvariant()))
            {
                throw new BenchInputException(p.At(parameterNode), $"'{parameterNode.Value}': parameter is {string.Join(", ", allowed.Select(n => n.Name))}");
            }

            var current = p.Scalar("current") is { } c ? RatedValue.Parse(c.Value ?? "", p.At(c), "In", "Imax", "Ist", "Imin", "Itr", "A") : new RatedValue(1, "In");
            var voltage = p.Scalar("voltage") is { } v ? RatedValue.Parse(v.Value ?? "", p.At(v), "Un", "V") : new RatedValue(1, "Un");
            var frequency = p.Scalar("frequency") is { } f ? RatedValue.Parse(f.Value ?? "", p.At(f), "fn", "Hz") : new RatedValue(1, "fn");
            var stimulus = PowerQualityPointReader.Read(p, id, parameter);
            p.RejectUnknownKeys();
            points.Add(new PlanPoint(id, current, LoadAngle.FromPowerFactor(PowerFactor.Unity), voltage, frequency, p.Where)
            {
                Test = PointTest.PowerQuality,
                Parameter = parameter,
                Stimulus = stimulus,
            });
        }

        root.RejectUnknownKeys();
        return new TestPlan(name, PowerQualityLimits.Standard, classNode.Value!.ToUpperInvariant(), quantity, rule, points)
        {
            File = path,
            Description = description,
            Settle = settle,
            Repeats = repeats,
        };
    }

    private static readonly (string Name, PowerQualityParameter Parameter)[] ParameterNames =
    [
        ("frequency", PowerQualityParameter.Frequency),
        ("voltage", PowerQualityParameter.Voltage),
        ("current", PowerQualityParameter.Current),
    ];

    private static PlanPoint ReadPoint(YamlMap p, TrigFunction function)
    {
        var id = p.RequiredString("id");
        var testNode = p.Scalar("test");
        var test = testNode?.Value?.Trim().ToLowerInvariant() switch
        {
            null or "accuracy" => PointTest.Accuracy,
            "influence" => PointTest.Influence,
            "starting" => PointTest.Starting,
            "no-load" or "creep" => PointTest.NoLoad,
            "repeatability" => PointTest.Repeatability,
            _ => throw new BenchInputException(p.At(testNode!), $"'{testNode!.Value}': test is accuracy, influence, starting, no-load or repeatability"),
        };
        InfluenceKind? influence = null;
        var influenceNode = p.Scalar("influence");
        if (test == PointTest.Influence)
        {
            influence = influenceNode?.Value?.Trim().ToLowerInvariant() switch
            {
                "voltage" => InfluenceKind.Voltage,
                "frequency" => InfluenceKind.Frequency,
                "reversed-phase-sequence" => InfluenceKind.ReversedPhaseSequence,
                "phase-loss" => InfluenceKind.PhaseLoss,
                "harmonics" => InfluenceKind.Harmonics,
                null => throw new BenchInputException(p.Where, $"point '{id}': an influence test needs 'influence'"),
                _ => throw new BenchInputException(p.At(influenceNode!), $"'{influenceNode!.Value}': influence is voltage, frequency, reversed-phase-sequence, phase-loss or harmonics"),
            };
        }
        else if (influenceNode is not null)
        {
            throw new BenchInputException(p.At(influenceNode), "'influence' belongs to points with 'test: influence'");
        }

        // A no-load point has no current; a starting point defaults to Ist.
        var currentNode = p.Scalar("current");
        RatedValue current;
        if (test == PointTest.NoLoad)
        {
            if (currentNode is not null)
            {
                throw new BenchInputException(p.At(currentNode), "a no-load point has no current");
            }

            current = new RatedValue(0, "A");
        }
        else if (currentNode is null)
        {
            current = test == PointTest.Starting ? new RatedValue(1, "Ist") : throw new BenchInputException(p.Where, $"point '{id}': missing 'current'");
        }
        else
        {
            current = RatedValue.Parse(currentNode.Value ?? "", p.At(currentNode), "In", "Imax", "Ist", "Imin", "Itr", "A");
        }

        // Active-energy tables give cos φ ("pf"), reactive-energy tables sin φ ("sin").
        var angleKey = function == TrigFunction.Cos ? "pf" : "sin";
        var otherKey = function == TrigFunction.Cos ? "sin" : "pf";
        if (p.Scalar(otherKey) is { } wrong)
        {
            throw new BenchInputException(p.At(wrong), $"this standard's table gives load points as '{angleKey}', not '{otherKey}'");
        }

        var angleNode = p.Scalar(angleKey);
        var angle = function == TrigFunction.Cos ? LoadAngle.FromPowerFactor(PowerFactor.Unity) : default;
        if (angleNode is null && test is PointTest.Accuracy or PointTest.Influence or PointTest.Repeatability)
        {
            throw new BenchInputException(p.Where, $"point '{id}': missing '{angleKey}'");
        }

        if (angleNode is not null && !LoadAngle.TryParse(angleNode.Value, function, out angle))
        {
            var hint = function == TrigFunction.Cos ? "1, 0.5 L or 0.8 C" : "1 L, 0.5 C or 0.25 L";
            throw new BenchInputException(p.At(angleNode), $"'{angleNode.Value}' is not a {(function == TrigFunction.Cos ? "power factor" : "sin φ")} (write {hint})");
        }

        var (load, phase) = ReadLoad(p);

        var voltageNode = p.Scalar("voltage");
        var voltage = voltageNode is null ? new RatedValue(test == PointTest.NoLoad ? 1.15 : 1, "Un") : RatedValue.Parse(voltageNode.Value ?? "", p.At(voltageNode), "Un", "V");
        var frequencyNode = p.Scalar("frequency");
        var frequency = frequencyNode is null ? new RatedValue(1, "fn") : RatedValue.Parse(frequencyNode.Value ?? "", p.At(frequencyNode), "fn", "Hz");
        int? readings = null;
        if (p.Scalar("repeats") is { } repeatsNode)
        {
            readings = test == PointTest.Repeatability
                ? p.OptionalInteger("repeats", 2, 100)
                : throw new BenchInputException(p.At(repeatsNode), "a point's own 'repeats' belongs to 'test: repeatability' (the plan's 'repeats' sets the gates of every other point)");
        }
        else if (test == PointTest.Repeatability)
        {
            readings = Repeatability.DefaultReadings;
        }

        p.RejectUnknownKeys();
        return new PlanPoint(id, current, angle, voltage, frequency, p.Where) { Load = load, LoadedPhase = phase, Test = test, Influence = influence, Readings = readings };
    }

    /// <summary>The point's `load:` key: balanced (default) or one element loaded, as the connection and its 0-based phase.</summary>
    internal static (LoadConnection Load, int Phase) ReadLoad(YamlMap p)
    {
        var loadNode = p.Scalar("load");
        return loadNode?.Value?.Trim().ToUpperInvariant() switch
        {
            null or "BALANCED" => (LoadConnection.Balanced, 0),
            "SINGLE-PHASE L1" or "L1" => (LoadConnection.SinglePhase, 0),
            "SINGLE-PHASE L2" or "L2" => (LoadConnection.SinglePhase, 1),
            "SINGLE-PHASE L3" or "L3" => (LoadConnection.SinglePhase, 2),
            _ => throw new BenchInputException(p.At(loadNode!), $"'{loadNode!.Value}': load is 'balanced' or 'single-phase L1|L2|L3'"),
        };
    }

    /// <summary>How every plan is conducted, whatever it measures: decision rule, repeats, description, settling.</summary>
    internal static (string Rule, int Repeats, string Description, TimeSpan Settle) ReadConduct(YamlMap root)
    {
        var ruleNode = root.Scalar("decision-rule");
        var rule = ruleNode?.Value ?? "simple";
        _ = DecisionRules.Parse(rule, ruleNode is null ? root.Where : root.At(ruleNode));
        var repeats = root.OptionalDouble("repeats") ?? 1;
        if (repeats is < 1 or > 100 || repeats != Math.Floor(repeats))
        {
            throw new BenchInputException(root.At(root.Scalar("repeats")!), "'repeats' is a whole number from 1 to 100");
        }

        return (rule, (int)repeats, root.OptionalString("description") ?? "", Seconds(root, "settle-s", 5));
    }

    private static TimeSpan Seconds(YamlMap map, string key, double fallback)
    {
        var s = map.OptionalDouble(key) ?? fallback;
        if (s < 0)
        {
            throw new BenchInputException(map.At(map.Scalar(key)!), $"'{key}' must not be negative");
        }

        return TimeSpan.FromSeconds(s);
    }
}
