namespace Bench.Dsp.Events;

/// <summary>
/// Dips, swells and interruptions from Urms(1/2) values with thresholds and hysteresis in percent of Udin
/// (IEC 61000-4-30 §5.4), per channel and polyphase. Each channel is updated on its own half-cycle grid (its own
/// fundamental zero crossings). A polyphase dip or swell starts when the first channel crosses the threshold and ends
/// when the last one is back beyond threshold and hysteresis; a polyphase interruption starts when every channel is
/// below its threshold and ends when the first one recovers. Given the one-cycle window of each value, start and end
/// are placed inside their windows (<see cref="TransitionTiming"/>), not on the half-cycle grid; events are reported
/// one cycle after they end, when the level after them is known.
/// </summary>
public sealed class DipSwellDetector
{
    private readonly int _phases;
    private readonly double _udin;
    private readonly double _dip;
    private readonly double _swell;
    private readonly double _interruption;
    private readonly double _hysteresis;
    private readonly ChannelEventTrack[] _dips;
    private readonly ChannelEventTrack[] _swells;
    private readonly ChannelEventTrack[] _interruptions;
    private readonly PolyphaseUnion _polyDip = new(PqEventType.Dip, lowIsExtreme: true);
    private readonly PolyphaseUnion _polySwell = new(PqEventType.Swell, lowIsExtreme: false);
    private readonly HalfCycleWindow[] _recent;
    private readonly int[] _recentCount;
    private readonly Action<PqEvent> _sink;
    private bool _polyInterruptionOpen;
    private int _polyInterruptionClosing = -1;
    private double _polyInterruptionStart;
    private double _polyInterruptionExtreme;

    public DipSwellDetector(int phases, double udinV, double dipPercent, double swellPercent, double interruptionPercent, double hysteresisPercent, Action<PqEvent> sink)
    {
        _phases = phases;
        _udin = udinV;
        _dip = dipPercent * udinV / 100;
        _swell = swellPercent * udinV / 100;
        _interruption = interruptionPercent * udinV / 100;
        _hysteresis = hysteresisPercent * udinV / 100;
        _sink = sink;
        _dips = new ChannelEventTrack[phases];
        _swells = new ChannelEventTrack[phases];
        _interruptions = new ChannelEventTrack[phases];
        for (var p = 0; p < phases; p++)
        {
            _dips[p] = new ChannelEventTrack(PqEventType.Dip, p, lowIsExtreme: true);
            _swells[p] = new ChannelEventTrack(PqEventType.Swell, p, lowIsExtreme: false);
            _interruptions[p] = new ChannelEventTrack(PqEventType.Interruption, p, lowIsExtreme: true);
        }

        _recent = new HalfCycleWindow[phases * ChannelEventTrack.Context];
        _recentCount = new int[phases];
    }

    /// <summary>A dip, swell or interruption is in progress on some channel (flag the interval).</summary>
    public bool Active { get; private set; }

    /// <summary>One Urms(1/2) value per channel, all time-tagged at <paramref name="timeS"/> (no window: events stay on the grid).</summary>
    public void Update(double timeS, ReadOnlySpan<double> urms)
    {
        for (var p = 0; p < _phases; p++)
        {
            Update(p, new HalfCycleWindow(double.NaN, timeS, urms[p] * urms[p]));
        }
    }

    /// <summary>The next Urms(1/2) of <paramref name="channel"/>, with its one-cycle window (end = the value's time tag).</summary>
    public void Update(int channel, HalfCycleWindow window)
    {
        var recent = Remember(channel, window);
        var u = window.Urms;
        var dipOpened = Step(_dips[channel], window, recent, u < _dip, u >= _dip + _hysteresis, out var dipClosed);
        var swellOpened = Step(_swells[channel], window, recent, u > _swell, u <= _swell - _hysteresis, out var swellClosed);
        Step(_interruptions[channel], window, recent, u < _interruption, u >= _interruption + _hysteresis, out var interruptionClosed);
        if (_phases > 1)
        {
            Union(_polyDip, _dips, _dips[channel], dipOpened, dipClosed);
            Union(_polySwell, _swells, _swells[channel], swellOpened, swellClosed);
            Intersection(channel, interruptionClosed);
        }

        Active = false;
        for (var p = 0; p < _phases; p++)
        {
            Active |= _dips[p].Open || _swells[p].Open || _interruptions[p].Open;
        }
    }

    /// <summary>Closes events still open at the end of the record (marked unfinished).</summary>
    public void Flush(double timeS)
    {
        foreach (var tracks in new[] { _dips, _swells, _interruptions })
        {
            foreach (var track in tracks)
            {
                var (resolved, unfinished) = track.Flush(timeS);
                Deliver(track, resolved);
                Deliver(track, unfinished);
            }
        }

        if (_phases > 1)
        {
            Emit(_polyDip.Abandon());
            Emit(_polySwell.Abandon());
            if (_polyInterruptionOpen)
            {
                Emit(new PqEvent(PqEventType.Interruption, -1, _polyInterruptionStart, timeS - _polyInterruptionStart, _polyInterruptionExtreme, double.NaN) { Unfinished = true });
                _polyInterruptionOpen = false;
            }
        }

        Active = false;
    }

    private ReadOnlySpan<HalfCycleWindow> Remember(int channel, HalfCycleWindow window)
    {
        var ring = _recent.AsSpan(channel * ChannelEventTrack.Context, ChannelEventTrack.Context);
        var n = _recentCount[channel];
        if (n == ring.Length)
        {
            ring[1..].CopyTo(ring);
            n--;
        }

        ring[n] = window;
        _recentCount[channel] = n + 1;
        return ring[..(n + 1)];
    }

    private bool Step(ChannelEventTrack track, HalfCycleWindow window, ReadOnlySpan<HalfCycleWindow> recent, bool start, bool end, out bool closed)
    {
        var done = track.Step(window, recent, start, end, out var opened, out closed);
        Deliver(track, done);
        return opened;
    }

    private void Deliver(ChannelEventTrack track, PqEvent? e)
    {
        if (e is null)
        {
            return;
        }

        Emit(e);
        if (track.Group is PolyphaseUnion union && union.Generation == track.GroupGeneration && !e.Unfinished)
        {
            Emit(union.Fold(e));
        }

        if (_polyInterruptionClosing == track.Channel && track.Type == PqEventType.Interruption && !e.Unfinished)
        {
            var end = e.StartS + e.DurationS;
            Emit(new PqEvent(PqEventType.Interruption, -1, _polyInterruptionStart, Math.Max(0, end - _polyInterruptionStart), _polyInterruptionExtreme, double.NaN));
            _polyInterruptionClosing = -1;
        }
    }

    private void Emit(PqEvent? e)
    {
        if (e is not null)
        {
            _sink(e with { ExtremePercent = 100 * e.ExtremeV / _udin });
        }
    }

    private static void Union(PolyphaseUnion union, ChannelEventTrack[] tracks, ChannelEventTrack track, bool opened, bool closed)
    {
        if (opened)
        {
            union.Join(track);
        }

        if (closed && !AnyOpen(tracks))
        {
            union.CloseOnGrid();
        }
    }

    private static bool AnyOpen(ChannelEventTrack[] tracks)
    {
        foreach (var t in tracks)
        {
            if (t.Open)
            {
                return true;
            }
        }

        return false;
    }

    private void Intersection(int channel, bool closed)
    {
        if (!_polyInterruptionOpen)
        {
            var all = true;
            foreach (var t in _interruptions)
            {
                all &= t.Open;
            }

            _polyInterruptionOpen = all;

            return;
        }

        if (!closed)
        {
            return;
        }

        // Begins when the last channel went below its threshold, ends when this first one recovered.
        _polyInterruptionOpen = false;
        _polyInterruptionClosing = channel;
        _polyInterruptionStart = double.NegativeInfinity;
        _polyInterruptionExtreme = double.PositiveInfinity;
        foreach (var t in _interruptions)
        {
            var resolving = !t.Open;
            _polyInterruptionStart = Math.Max(_polyInterruptionStart, t.StartS(resolving));
            _polyInterruptionExtreme = Math.Min(_polyInterruptionExtreme, t.Extreme);
        }
    }
}
