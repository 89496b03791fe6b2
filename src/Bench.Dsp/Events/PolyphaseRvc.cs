namespace Bench.Dsp.Events;

/// <summary>
/// The polyphase RVC (IEC 61000-4-30 §5.11): it begins when the first channel's RVC begins and ends when every
/// channel is in steady state again; ΔUmax and ΔUss are the largest of the channels'. Channel RVC events are folded in
/// as they end; the polyphase one is reported when no channel is in an RVC any more.
/// </summary>
public sealed class PolyphaseRvc
{
    private bool _open;
    private double _start;
    private double _end;
    private double _maxDelta;
    private double _steady;
    private double _maxPercent;

    /// <summary>Folds one channel's RVC in.</summary>
    public void Add(PqEvent channelEvent)
    {
        if (!_open)
        {
            _open = true;
            _start = double.PositiveInfinity;
            _end = double.NegativeInfinity;
            _maxDelta = _steady = _maxPercent = 0;
        }

        _start = Math.Min(_start, channelEvent.StartS);
        _end = Math.Max(_end, channelEvent.StartS + channelEvent.DurationS);
        _maxDelta = Math.Max(_maxDelta, channelEvent.ExtremeV);
        _maxPercent = Math.Max(_maxPercent, channelEvent.ExtremePercent);
        _steady = Math.Max(_steady, double.IsNaN(channelEvent.SteadyChangeV) ? 0 : channelEvent.SteadyChangeV);
    }

    /// <summary>After each update: the polyphase event once no channel is in an RVC, else null.</summary>
    public PqEvent? Close(bool anyChannelInEvent)
    {
        if (!_open || anyChannelInEvent)
        {
            return null;
        }

        _open = false;
        return new PqEvent(PqEventType.Rvc, -1, _start, Math.Max(0, _end - _start), _maxDelta, _maxPercent) { SteadyChangeV = _steady };
    }
}
