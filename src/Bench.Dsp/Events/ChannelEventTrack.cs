namespace Bench.Dsp.Events;

/// <summary>
/// One kind of event (dip, swell or interruption) on one channel. Thresholds are crossed on the half-cycle grid as
/// IEC 61000-4-30 defines; the windows around each crossing are kept so that the start and the end can be placed
/// inside their window (<see cref="TransitionTiming"/>) once the levels on both sides are known: the start when the
/// event ends (its extreme is the level inside), the end one cycle after it (the first window wholly after it).
/// </summary>
internal sealed class ChannelEventTrack
{
    public const int Context = 5;
    private const int WindowsAfterEnd = 2;
    private readonly HalfCycleWindow[] _startContext = new HalfCycleWindow[Context];
    private readonly HalfCycleWindow[] _endContext = new HalfCycleWindow[Context];
    private readonly HalfCycleWindow[] _resolvingStart = new HalfCycleWindow[Context];
    private readonly bool _lowIsExtreme;
    private int _startCount;
    private int _resolvingStartCount;
    private int _endCount;
    private int _seenAfterEnd;
    private double _lastMeanSquare = double.NaN;

    public ChannelEventTrack(PqEventType type, int channel, bool lowIsExtreme)
    {
        Type = type;
        Channel = channel;
        _lowIsExtreme = lowIsExtreme;
    }

    public PqEventType Type { get; }

    public int Channel { get; }

    /// <summary>The threshold has been crossed and not yet crossed back (hysteresis included).</summary>
    public bool Open { get; private set; }

    /// <summary>Closed on the grid but waiting for the window that places its end.</summary>
    public bool Resolving { get; private set; }

    public double Extreme { get; private set; }

    public double ThresholdStartS { get; private set; }

    /// <summary>Poly-phase bookkeeping: which union this track belongs to, and that union's generation.</summary>
    public object? Group { get; set; }

    public int GroupGeneration { get; set; }

    private double ResolvingExtreme { get; set; }

    private double ResolvingThresholdStartS { get; set; }

    private double ThresholdEndS { get; set; }

    /// <summary>Next window (with the channel's recent windows, oldest first, ending with it); returns the event it completes, if any.</summary>
    public PqEvent? Step(HalfCycleWindow window, ReadOnlySpan<HalfCycleWindow> recent, bool start, bool end, out bool opened, out bool closed)
    {
        opened = closed = false;
        PqEvent? done = null;
        if (Resolving && ++_seenAfterEnd >= WindowsAfterEnd)
        {
            done = Resolve(window.MeanSquare, unfinished: false, double.NaN);
        }

        _lastMeanSquare = window.MeanSquare;
        var u = window.Urms;
        if (!Open)
        {
            if (start)
            {
                if (Resolving)
                {
                    done = Resolve(window.MeanSquare, unfinished: false, double.NaN);
                }

                Open = opened = true;
                ThresholdStartS = window.EndS;
                Extreme = u;
                _startCount = Copy(recent, _startContext);
            }

            return done;
        }

        Extreme = _lowIsExtreme ? Math.Min(Extreme, u) : Math.Max(Extreme, u);
        if (end)
        {
            Open = false;
            closed = true;
            Resolving = true;
            _seenAfterEnd = 0;
            ThresholdEndS = window.EndS;
            ResolvingExtreme = Extreme;
            ResolvingThresholdStartS = ThresholdStartS;
            _endCount = Copy(recent, _endContext);
            _resolvingStartCount = _startCount;
            _startContext.AsSpan(0, _startCount).CopyTo(_resolvingStart);
        }

        return done;
    }

    /// <summary>The refined start of the open (or, when none is open, the resolving) event.</summary>
    public double StartS(bool resolving)
        => resolving
            ? RefineStart(_resolvingStart.AsSpan(0, _resolvingStartCount), ResolvingExtreme, ResolvingThresholdStartS)
            : RefineStart(_startContext.AsSpan(0, _startCount), Extreme, ThresholdStartS);

    /// <summary>End of the record: the resolving event with what is known, then the open one as unfinished.</summary>
    public (PqEvent? Resolved, PqEvent? Unfinished) Flush(double timeS)
    {
        var resolved = Resolving ? Resolve(_lastMeanSquare, unfinished: false, double.NaN) : null;
        PqEvent? unfinished = null;
        if (Open)
        {
            var start = StartS(resolving: false);
            unfinished = new PqEvent(Type, Channel, start, timeS - start, Extreme, double.NaN) { Unfinished = true };
            Open = false;
        }

        return (resolved, unfinished);
    }

    private PqEvent Resolve(double afterMeanSquare, bool unfinished, double endS)
    {
        Resolving = false;
        var start = StartS(resolving: true);
        var inside = ResolvingExtreme * ResolvingExtreme;
        var end = double.IsNaN(endS) ? RefineEnd(inside, afterMeanSquare) : endS;
        return new PqEvent(Type, Channel, start, Math.Max(0, end - start), ResolvingExtreme, double.NaN) { Unfinished = unfinished };
    }

    private double RefineEnd(double inside, double after)
    {
        // The last three windows up to the crossing back: one of them straddles the end.
        var n = _endCount;
        var from = Math.Max(0, n - 3);
        var t = TransitionTiming.StepTime(_endContext.AsSpan(from, n - from), inside, after);
        return double.IsNaN(t) ? ThresholdEndS : Math.Min(t, ThresholdEndS);
    }

    private static double RefineStart(ReadOnlySpan<HalfCycleWindow> context, double extreme, double thresholdS)
    {
        // Context: up to five windows ending with the crossing one. The oldest lies wholly before the start (the
        // crossing window k cannot be reached by a step earlier than the start of window k − 2); one of the last
        // three straddles it.
        if (context.Length < 2)
        {
            return thresholdS;
        }

        var before = context[0].MeanSquare;
        var from = Math.Max(1, context.Length - 3);
        var t = TransitionTiming.StepTime(context[from..], before, extreme * extreme);
        return double.IsNaN(t) ? thresholdS : Math.Min(t, thresholdS);
    }

    private static int Copy(ReadOnlySpan<HalfCycleWindow> recent, HalfCycleWindow[] to)
    {
        var n = Math.Min(recent.Length, to.Length);
        recent[^n..].CopyTo(to);
        return n;
    }
}
