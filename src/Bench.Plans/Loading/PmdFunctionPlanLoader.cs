using System.Globalization;

using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Core.Yaml;
using Bench.Plans.Model;
using Bench.Standards.Limits;

namespace Bench.Plans.Loading;

/// <summary>
/// An IEC 61557-12 plan (<c>quantity: pmd-functions</c>): <c>functions:</c> maps each function of the PMD marking to the
/// class it claims (checked against the classes the standard allows), and each point names one function and the load
/// point it is read at: current, voltage, frequency, <c>pf</c> (or <c>sin</c> for reactive power), <c>load</c>,
/// harmonics the source adds (<c>voltage-harmonics: "h5 10 %, h7 5 %"</c>) and <c>voltage-unbalance</c> in percent.
/// </summary>
internal static class PmdFunctionPlanLoader
{
    public static TestPlan Load(YamlMap root, string path, string name)
    {
        // The marking's class is that of P / Ea (pmd-61557-12.md §2, "PMD/SD/K70/0.2"; unconfirmed form).
        var classNode = root.Scalar("class") ?? throw new BenchInputException(root.Where, "missing 'class' (the class of the PMD marking, e.g. \"0.2\")");
        if (!double.TryParse(classNode.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var markingClass))
        {
            throw new BenchInputException(root.At(classNode), $"'{classNode.Value}': the PMD marking's class is a number, that of P and Ea (e.g. \"0.2\")");
        }

        PmdFunctionLimits.CheckClass(PmdFunction.ActivePower, markingClass, root.At(classNode));
        var functions = root.OptionalMap("functions") ?? throw new BenchInputException(root.Where, "a pmd-functions plan needs 'functions' (the class each function claims)");
        var classes = new Dictionary<PmdFunction, double>();
        foreach (var spec in PmdFunctionLimits.Functions)
        {
            if (functions.OptionalDouble(spec.PlanKey) is { } functionClass)
            {
                PmdFunctionLimits.CheckClass(spec.Function, functionClass, functions.At(functions.Scalar(spec.PlanKey)!));
                classes[spec.Function] = functionClass;
            }
        }

        functions.RejectUnknownKeys();
        var (rule, repeats, description, settle) = PlanLoader.ReadConduct(root);
        var points = new List<PlanPoint>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in root.RequiredList("points"))
        {
            var point = ReadPoint(p, classes);
            if (!ids.Add(point.Id))
            {
                throw new BenchInputException(p.Where, $"point id '{point.Id}' appears twice");
            }

            points.Add(point);
        }

        root.RejectUnknownKeys();
        return new TestPlan(name, PmdFunctionLimits.Standard, classNode.Value ?? "", "pmd-functions", rule, points)
        {
            FunctionClasses = classes,
            File = path,
            Description = description,
            Settle = settle,
            Repeats = repeats,
        };
    }

    private static PlanPoint ReadPoint(YamlMap p, Dictionary<PmdFunction, double> classes)
    {
        var id = p.RequiredString("id");

        // "parameter" is what the first plans (f, U, I, P) wrote.
        var functionNode = p.Scalar("function") ?? p.Scalar("parameter") ?? throw new BenchInputException(p.Where, $"point '{id}': missing 'function'");
        var spec = PmdFunctionLimits.ByPlanKey(functionNode.Value ?? "")
            ?? throw new BenchInputException(p.At(functionNode), $"'{functionNode.Value}': function is {string.Join(", ", PmdFunctionLimits.Functions.Select(f => f.PlanKey))}");
        if (!classes.ContainsKey(spec.Function))
        {
            throw new BenchInputException(p.At(functionNode), $"'functions' gives no class for {spec.PlanKey}");
        }

        var current = p.Scalar("current") is { } c ? RatedValue.Parse(c.Value ?? "", p.At(c), "In", "Imax", "Ist", "Imin", "Itr", "A") : new RatedValue(1, "In");
        var voltage = p.Scalar("voltage") is { } v ? RatedValue.Parse(v.Value ?? "", p.At(v), "Un", "V") : new RatedValue(1, "Un");
        var frequency = p.Scalar("frequency") is { } f ? RatedValue.Parse(f.Value ?? "", p.At(f), "fn", "Hz") : new RatedValue(1, "fn");
        var angle = Angle(p, spec.Function is PmdFunction.ReactivePower or PmdFunction.ReactiveEnergy);
        var (load, phase) = PlanLoader.ReadLoad(p);
        var settings = new PmdPointSettings(spec.Function)
        {
            VoltageHarmonics = Harmonics(p, "voltage-harmonics"),
            CurrentHarmonics = Harmonics(p, "current-harmonics"),
            VoltageUnbalancePercent = p.OptionalDouble("voltage-unbalance") ?? 0,
        };
        if (settings.VoltageUnbalancePercent is < 0 or > 20)
        {
            throw new BenchInputException(p.At(p.Scalar("voltage-unbalance")!), "'voltage-unbalance' is a percentage from 0 to 20");
        }

        p.RejectUnknownKeys();
        return new PlanPoint(id, current, angle, voltage, frequency, p.Where)
        {
            Test = PointTest.PmdFunction,
            Load = load,
            LoadedPhase = phase,
            Pmd = settings,
        };
    }

    /// <summary>cos φ as <c>pf</c>; reactive power's table is written in sin φ, so its points give <c>sin</c>.</summary>
    private static LoadAngle Angle(YamlMap p, bool reactive)
    {
        var (key, other, function) = reactive ? ("sin", "pf", TrigFunction.Sin) : ("pf", "sin", TrigFunction.Cos);
        if (p.Scalar(other) is { } wrong)
        {
            throw new BenchInputException(p.At(wrong), reactive ? "reactive-power points give the load angle as 'sin' (sin φ, e.g. 1 L or 0.5 C)" : "this function's points give the load angle as 'pf'");
        }

        var node = p.Scalar(key);
        if (node is null)
        {
            return reactive ? new LoadAngle(TrigFunction.Sin, 1, LoadKind.Inductive) : LoadAngle.FromPowerFactor(PowerFactor.Unity);
        }

        return LoadAngle.TryParse(node.Value, function, out var angle)
            ? angle
            : throw new BenchInputException(p.At(node), $"'{node.Value}' is not a {(reactive ? "sin φ (write 1 L, 0.5 C)" : "power factor (write 1, 0.5 L or 0.8 C)")}");
    }

    /// <summary>"h5 10 %, h7 5 %": order and percent of the fundamental, the angle order × the phase's fundamental angle.</summary>
    private static IReadOnlyList<HarmonicComponent> Harmonics(YamlMap p, string key)
    {
        if (p.Scalar(key) is not { } node)
        {
            return [];
        }

        var result = new List<HarmonicComponent>();
        foreach (var part in (node.Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.TrimEnd('%').Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 2 || !words[0].StartsWith('h')
                || !int.TryParse(words[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var order) || order is < 2 or > 50
                || !double.TryParse(words[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) || percent is < 0 or > 200)
            {
                throw new BenchInputException(p.At(node), $"'{part}': write each harmonic as 'h<order 2…50> <percent of the fundamental 0…200> %', e.g. \"h5 10 %, h7 5 %\"");
            }

            result.Add(new HarmonicComponent(order, percent, 0));
        }

        return result;
    }
}
