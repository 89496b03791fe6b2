namespace Bench.Dsp.Events;

/// <summary>
/// A polyphase dip or swell (IEC 61000-4-30 §5.4.2.1 / 5.4.3.1): it begins when the first channel crosses the threshold
/// and ends when the last channel has crossed back, so it spans the union of the overlapping channel events, from the
/// earliest channel start to the latest channel end, with the lowest residual (or highest swell) of any of them.
/// </summary>
internal sealed class PolyphaseUnion
{
    private readonly PqEventType _type;
    private readonly bool _lowIsExtreme;
    private int _members;
    private double _start;
    private double _end;
    private double _extreme;
    private bool _unfinished;

    public PolyphaseUnion(PqEventType type, bool lowIsExtreme)
    {
        _type = type;
        _lowIsExtreme = lowIsExtreme;
    }

    /// <summary>Some member channel is still beyond its threshold.</summary>
    public bool Open { get; private set; }

    public bool Busy => Open || _members > 0;

    public int Generation { get; private set; }

    public void Join(ChannelEventTrack track)
    {
        if (!Busy)
        {
            Generation++;
            _start = double.PositiveInfinity;
            _end = double.NegativeInfinity;
            _extreme = _lowIsExtreme ? double.PositiveInfinity : double.NegativeInfinity;
            _unfinished = false;
        }

        Open = true;
        _members++;
        track.Group = this;
        track.GroupGeneration = Generation;
    }

    /// <summary>No member is beyond its threshold any more; the event is emitted once every member has been placed.</summary>
    public void CloseOnGrid() => Open = false;

    /// <summary>Folds a member's placed event in; returns the polyphase event when it was the last one awaited.</summary>
    public PqEvent? Fold(PqEvent member)
    {
        _start = Math.Min(_start, member.StartS);
        _end = Math.Max(_end, member.StartS + member.DurationS);
        _extreme = _lowIsExtreme ? Math.Min(_extreme, member.ExtremeV) : Math.Max(_extreme, member.ExtremeV);
        _unfinished |= member.Unfinished;
        if (--_members > 0 || Open)
        {
            return null;
        }

        return Emit();
    }

    /// <summary>Emits what is known now (a new event needs the slot, or the record ended).</summary>
    public PqEvent? Abandon()
    {
        if (!Busy || double.IsInfinity(_start))
        {
            Open = false;
            _members = 0;
            return null;
        }

        return Emit();
    }

    private PqEvent Emit()
    {
        Open = false;
        _members = 0;
        Generation++;
        return new PqEvent(_type, -1, _start, Math.Max(0, _end - _start), _extreme, double.NaN) { Unfinished = _unfinished };
    }
}
