using Bench.Core.Errors;
using Bench.Core.Identity;
using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Instruments.Roles;

namespace Bench.Instruments.Drivers;

/// <summary>
/// A reference standard driven by its profile: one measurement query whose fields the profile names, and energy
/// integration with start/stop command lists and a read-back query; pulse counting and voltage-event detection where
/// the profile has those sections; apparent energy when the energy fields name VAH, THD when it has a 'thd' section.
/// </summary>
public sealed class ProfileReference : IReferenceStandard, IPulseCounter, IEventRecorder, IApparentEnergyReference, IHarmonicReference
{
    private readonly ProfileSession _session;

    internal ProfileReference(ProfileSession session) => _session = session;

    public InstrumentIdentity Identity => _session.Identity;

    public InstrumentProfile Profile => _session.Profile;

    public Visa.Scpi.ScpiSession Scpi => _session.Scpi;

    internal async Task SetupAsync(CancellationToken cancellationToken)
    {
        await _session.ConfigureAllAsync(Profile.Measurement!.Setup, cancellationToken).ConfigureAwait(false);
        if (Profile.Thd is { } thd)
        {
            await _session.ConfigureAllAsync(thd.Setup, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ThreePhaseMeasurement> MeasureAsync(CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var q in Profile.Measurement!.Queries)
        {
            var query = q.Query.Render();
            var values = await _session.Scpi.QueryDoublesAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var (name, value) in Map(query, q.Fields, values))
            {
                fields[name] = value;
            }
        }
        var phases = new PhaseMeasurement[Profile.Phases];
        for (var k = 1; k <= Profile.Phases; k++)
        {
            var u = Get(fields, "U", k);
            var i = Get(fields, "I", k);
            var p = Get(fields, "P", k);
            var q = Get(fields, "Q", k);
            var s = fields.TryGetValue("S" + k, out var sv) ? sv : u * i;
            var pf = fields.TryGetValue("PF" + k, out var pfv) ? pfv : (s == 0 ? 0 : p / s);
            phases[k - 1] = new PhaseMeasurement(u, i, p, q, s, pf);
        }

        return new ThreePhaseMeasurement(phases, fields.TryGetValue("F", out var f) ? f : double.NaN);
    }

    public async Task StartEnergyAsync(CancellationToken cancellationToken)
    {
        await _session.ConfigureAllAsync(Profile.Energy!.Start, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EnergyIntegration> StopEnergyAsync(CancellationToken cancellationToken)
    {
        var spec = Profile.Energy!;
        await _session.ConfigureAllAsync(spec.Stop, cancellationToken).ConfigureAwait(false);
        var query = spec.Query.Render();
        var values = await _session.Scpi.QueryDoublesAsync(query, cancellationToken).ConfigureAwait(false);
        var fields = Map(query, spec.Fields, values);
        var wh = fields.TryGetValue("WH", out var a) ? a : fields["KWH"] * 1000;
        var varh = fields.TryGetValue("VARH", out var r) ? r : fields.TryGetValue("KVARH", out var kr) ? kr * 1000 : double.NaN;
        var seconds = fields.TryGetValue("TIME", out var t) ? t : fields.TryGetValue("TIME_H", out var th) ? th * 3600 : double.NaN;
        var vah = fields.TryGetValue("VAH", out var va) ? va : fields.TryGetValue("KVAH", out var kva) ? kva * 1000 : double.NaN;
        return new EnergyIntegration(wh, varh, seconds) { ApparentEnergyVAh = vah };
    }

    /// <summary>Whether <see cref="StopEnergyAsync"/> gives apparent energy (the profile's energy fields name VAH or KVAH).</summary>
    public bool SupportsApparentEnergy => Profile.Energy!.HasApparentEnergy;

    public string ApparentEnergyDefinition => Profile.Energy!.ApparentDefinition ?? "not integrated";

    public bool SupportsThd => Profile.Thd is not null;

    public (double HalfWidthPercentPoints, double CoverageFactor)? ThdAccuracy =>
        Profile.Thd is { AccuracyPercentPoints: { } a } t ? (a, t.AccuracyCoverageFactor) : null;

    public async Task<ReferenceThd> MeasureThdAsync(CancellationToken cancellationToken)
    {
        var spec = Profile.Thd ?? throw new BenchInputException(Profile.Path, $"profile '{Profile.Name}' has no 'thd' section: this reference measures no THD");
        var query = spec.Query.Render();
        var fields = Map(query, spec.Fields, await _session.Scpi.QueryDoublesAsync(query, cancellationToken).ConfigureAwait(false));
        double[] Phases(string prefix) => Enumerable.Range(1, Profile.Phases).Select(k => fields.TryGetValue(prefix + k, out var v) ? v : double.NaN).ToArray();
        var (u, i) = (Phases("THDU"), Phases("THDI"));
        if (u.Concat(i).Any(v => v < 0 || v > 1000))
        {
            throw new InstrumentFaultException(Identity.Resource, $"garbled reply to '{query}': a THD outside 0-1000 %");
        }

        return new ReferenceThd(u, i, spec.Method);
    }

    public bool SupportsPulseCounting => Profile.Pulse is not null;

    public Task StartPulseCountAsync(CancellationToken cancellationToken) =>
        _session.ConfigureAllAsync(PulseSpec.Start, cancellationToken);

    public async Task<long> ReadPulseCountAsync(CancellationToken cancellationToken)
    {
        var value = await _session.Scpi.QueryDoubleAsync(PulseSpec.Query.Render(), cancellationToken).ConfigureAwait(false);
        return (long)Math.Round(value);
    }

    public bool SupportsEvents => Profile.Events is not null;

    public async Task ArmEventsAsync(double declaredVoltageV, CancellationToken cancellationToken)
    {
        foreach (var t in EventSpec.Arm)
        {
            var command = t.Placeholders.Contains("declared_v") ? t.Render(("declared_v", declaredVoltageV)) : t.Render();
            await _session.Scpi.ConfigureAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<MeasuredVoltageEvent>> ReadEventsAsync(CancellationToken cancellationToken)
    {
        var spec = EventSpec;
        var countQuery = spec.Count.Render();
        var count = await _session.Scpi.QueryDoubleAsync(countQuery, cancellationToken).ConfigureAwait(false);
        if (count < 0 || count > 10_000 || count != Math.Floor(count))
        {
            throw new InstrumentFaultException(Identity.Resource, $"garbled reply to '{countQuery}': {count.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not an event count");
        }

        var events = new List<MeasuredVoltageEvent>();
        for (var index = 1; index <= count; index++)
        {
            var query = spec.Query.Render(("index", index));
            var f = Map(query, spec.Fields, await _session.Scpi.QueryDoublesAsync(query, cancellationToken).ConfigureAwait(false));
            var kind = (MeasuredEventKind)(int)f["KIND"];
            if (!Enum.IsDefined(kind) || f["DURATION_S"] < 0)
            {
                throw new InstrumentFaultException(Identity.Resource, $"garbled reply to '{query}': kind {f["KIND"].ToString(System.Globalization.CultureInfo.InvariantCulture)} is not 1 (dip), 2 (swell) or 3 (interruption), or the duration is negative");
            }

            events.Add(new MeasuredVoltageEvent(kind, (int)f["PHASES"], TimeSpan.FromSeconds(f["START_S"]), TimeSpan.FromSeconds(f["DURATION_S"]), f["EXTREME_PERCENT"]));
        }

        return events;
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    private EventRecorderSpec EventSpec => Profile.Events ?? throw new BenchInputException(Profile.Path, $"profile '{Profile.Name}' has no 'events' section: this reference detects no voltage events");

    private PulseSpec PulseSpec => Profile.Pulse ?? throw new BenchInputException(Profile.Path, $"profile '{Profile.Name}' has no 'pulse' section: this reference cannot count pulses");

    private Dictionary<string, double> Map(string query, IReadOnlyList<string> names, double[] values)
    {
        if (values.Length < names.Count)
        {
            throw new InstrumentFaultException(Identity.Resource, $"garbled reply to '{query}': {values.Length} values, the profile expects {names.Count}");
        }

        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < names.Count; k++)
        {
            if (names[k] != "-")
            {
                map[names[k]] = values[k];
            }
        }

        return map;
    }

    private double Get(Dictionary<string, double> fields, string quantity, int phase) =>
        fields.TryGetValue(quantity + phase, out var v) ? v
        : throw new BenchInputException(Profile.Path, $"the measure fields name no {quantity}{phase}");
}
