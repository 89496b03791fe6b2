namespace Bench.Dsp.Events;

/// <summary>
/// Dips, swells and interruptions from Urms(1/2) values with thresholds and hysteresis in percent of Udin
/// (IEC 61000-4-30 §5.4), per channel and polyphase: a polyphase dip starts when the first channel falls below the
/// threshold and ends when every channel is back above threshold + hysteresis; a polyphase interruption starts when
/// every channel is below its threshold and ends when any one recovers. Swells mirror dips.
/// </summary>
public sealed class DipSwellDetector
{
    private readonly int _phases;
    private readonly double _udin;
    private readonly double _dip;
    private readonly double _swell;
    private readonly double _interruption;
    private readonly double _hysteresis;
    private readonly EventTrack[] _dips;
    private readonly EventTrack[] _swells;
    private readonly EventTrack[] _interruptions;
    private readonly Action<PqEvent> _sink;

    public DipSwellDetector(int phases, double udinV, double dipPercent, double swellPercent, double interruptionPercent, double hysteresisPercent, Action<PqEvent> sink)
    {
        _phases = phases;
        _udin = udinV;
        _dip = dipPercent * udinV / 100;
        _swell = swellPercent * udinV / 100;
        _interruption = interruptionPercent * udinV / 100;
        _hysteresis = hysteresisPercent * udinV / 100;
        _sink = sink;
        var tracks = phases > 1 ? phases + 1 : 1;
        _dips = new EventTrack[tracks];
        _swells = new EventTrack[tracks];
        _interruptions = new EventTrack[tracks];
    }

    /// <summary>A dip, swell or interruption is in progress on some channel (flag the interval).</summary>
    public bool Active { get; private set; }

    /// <summary>One Urms(1/2) value per channel, time-tagged at the end of its one-cycle window.</summary>
    public void Update(double timeS, ReadOnlySpan<double> urms)
    {
        double min = double.MaxValue, max = double.MinValue;
        var allBelowInterruption = true;
        var anyAboveInterruptionEnd = false;
        var anyBelowDip = false;
        var allAboveDipEnd = true;
        var anyAboveSwell = false;
        var allBelowSwellEnd = true;
        for (var p = 0; p < _phases; p++)
        {
            var u = urms[p];
            min = Math.Min(min, u);
            max = Math.Max(max, u);
            Step(ref _dips[p], PqEventType.Dip, p, timeS, u, u < _dip, u >= _dip + _hysteresis, lowIsExtreme: true);
            Step(ref _swells[p], PqEventType.Swell, p, timeS, u, u > _swell, u <= _swell - _hysteresis, lowIsExtreme: false);
            Step(ref _interruptions[p], PqEventType.Interruption, p, timeS, u, u < _interruption, u >= _interruption + _hysteresis, lowIsExtreme: true);
            allBelowInterruption &= u < _interruption;
            anyAboveInterruptionEnd |= u >= _interruption + _hysteresis;
            anyBelowDip |= u < _dip;
            allAboveDipEnd &= u >= _dip + _hysteresis;
            anyAboveSwell |= u > _swell;
            allBelowSwellEnd &= u <= _swell - _hysteresis;
        }

        if (_phases > 1)
        {
            var poly = _phases;
            Step(ref _dips[poly], PqEventType.Dip, -1, timeS, min, anyBelowDip, allAboveDipEnd, lowIsExtreme: true);
            Step(ref _swells[poly], PqEventType.Swell, -1, timeS, max, anyAboveSwell, allBelowSwellEnd, lowIsExtreme: false);
            Step(ref _interruptions[poly], PqEventType.Interruption, -1, timeS, min, allBelowInterruption, anyAboveInterruptionEnd, lowIsExtreme: true);
        }

        Active = false;
        for (var k = 0; k < _dips.Length; k++)
        {
            Active |= _dips[k].Open || _swells[k].Open || _interruptions[k].Open;
        }
    }

    /// <summary>Closes events still open at the end of the record (marked unfinished).</summary>
    public void Flush(double timeS)
    {
        for (var k = 0; k < _dips.Length; k++)
        {
            var phase = k == _phases ? -1 : k;
            Close(ref _dips[k], PqEventType.Dip, phase, timeS, unfinished: true);
            Close(ref _swells[k], PqEventType.Swell, phase, timeS, unfinished: true);
            Close(ref _interruptions[k], PqEventType.Interruption, phase, timeS, unfinished: true);
        }

        Active = false;
    }

    private void Step(ref EventTrack track, PqEventType type, int phase, double timeS, double value, bool start, bool end, bool lowIsExtreme)
    {
        if (!track.Open)
        {
            if (start)
            {
                track = new EventTrack { Open = true, StartS = timeS, Extreme = value };
            }

            return;
        }

        track.Extreme = lowIsExtreme ? Math.Min(track.Extreme, value) : Math.Max(track.Extreme, value);
        if (end)
        {
            Close(ref track, type, phase, timeS, unfinished: false);
        }
    }

    private void Close(ref EventTrack track, PqEventType type, int phase, double timeS, bool unfinished)
    {
        if (!track.Open)
        {
            return;
        }

        _sink(new PqEvent(type, phase, track.StartS, timeS - track.StartS, track.Extreme, 100 * track.Extreme / _udin) { Unfinished = unfinished });
        track = default;
    }

    private struct EventTrack
    {
        public bool Open;
        public double StartS;
        public double Extreme;
    }
}
