using Bench.Dsp.Energy;
using Bench.Dsp.Events;
using Bench.Dsp.Flicker;
using Bench.Dsp.Kernels;

namespace Bench.Dsp.Streaming;

/// <summary>
/// The streaming IEC 61000-4-30 Class A engine. Interleaved frames in (voltages, then currents); basic intervals,
/// 150/180-cycle, 10-min and 2-h aggregates, 10-s frequency, Urms(1/2), events and flicker out through an
/// <see cref="IMeterObserver"/>. Memory is fixed at construction (a few intervals of samples); nothing is allocated
/// per sample or per cycle once running, only per event.
/// </summary>
public sealed class ReferenceMeter
{
    private readonly MeterSettings _s;
    private readonly IMeterObserver _observer;
    private readonly ChannelHistory _history;
    private readonly CycleTracker _tracker;
    private readonly BasicIntervalCalculator _calculator;
    private readonly IntervalValues _basic;
    private readonly IntervalValues _aggregate;
    private readonly IntervalValues _scratch;
    private readonly IntervalAggregator _cycles150;
    private readonly IntervalAggregator _minutes10;
    private readonly IntervalAggregator _hours2;
    private readonly TenSecondFrequency _frequency;
    private readonly DipSwellDetector _events;
    private readonly RvcDetector[] _rvc;
    private readonly Flickermeter[] _flicker;
    private readonly FlickerPeriods _flickerPeriods;
    private readonly CycleBoundary[] _found = new CycleBoundary[4];
    private readonly CycleBoundary[] _pending = new CycleBoundary[16];
    private readonly double[] _halfSum;
    private readonly double[] _previousHalfSum;
    private readonly double[] _urmsHalf;
    private readonly double _clockOffsetS;
    private int _pendingCount;
    private double _intervalStart = double.NaN;
    private int _cyclesInInterval;
    private bool _intervalFlagged;
    private double _previousBoundary = double.NaN;
    private double _previousBoundary2 = double.NaN;
    private long _tenMinuteTick = long.MinValue;
    private long _twoHourTick = long.MinValue;
    private bool _tenMinuteComplete;

    public ReferenceMeter(MeterSettings settings, IMeterObserver observer)
    {
        settings.Validate();
        _s = settings;
        _observer = observer;
        var spc = settings.SamplesPerNominalCycle;
        var c = settings.CyclesPerInterval;
        var maxWindow = (int)Math.Ceiling(spc * c / 0.7) + 16;
        _history = new ChannelHistory(settings.ChannelCount, maxWindow + (int)Math.Ceiling(4 * spc) + 64);
        _tracker = new CycleTracker(spc);
        _calculator = new BasicIntervalCalculator(settings, maxWindow);
        var phases = settings.Phases;
        var order = settings.EffectiveMaxHarmonicOrder;
        _basic = new IntervalValues(phases, Math.Max(order, settings.MaxHarmonicOrder));
        _aggregate = new IntervalValues(phases, _basic.MaxOrder);
        _scratch = new IntervalValues(phases, _basic.MaxOrder);
        _cycles150 = new IntervalAggregator(phases, _basic.MaxOrder);
        _minutes10 = new IntervalAggregator(phases, _basic.MaxOrder);
        _hours2 = new IntervalAggregator(phases, _basic.MaxOrder);
        var start = settings.StartTime.ToUnixTimeMilliseconds() / 1000.0;
        _clockOffsetS = start - (Math.Floor(start / 7200) * 7200);
        _frequency = new TenSecondFrequency(_clockOffsetS);
        _events = new DipSwellDetector(phases, settings.NominalVoltageV, settings.DipThresholdPercent, settings.SwellThresholdPercent,
            settings.InterruptionThresholdPercent, settings.HysteresisPercent, e => observer.OnEvent(e));
        var rvcWindow = settings.NominalFrequencyHz >= 55 ? 120 : 100;
        _rvc = new RvcDetector[phases];
        for (var p = 0; p < phases; p++)
        {
            _rvc[p] = new RvcDetector(p, settings.NominalVoltageV, settings.RvcThresholdPercent, rvcWindow, e => observer.OnEvent(e));
        }

        var lamp = settings.NominalVoltageV <= 150 ? FlickerLamp.Lamp120V : FlickerLamp.Lamp230V;
        _flicker = settings.Flicker ? Enumerable.Range(0, phases).Select(_ => new Flickermeter(settings.SampleRateHz, settings.NominalFrequencyHz, lamp)).ToArray() : [];
        _flickerPeriods = new FlickerPeriods(phases, _clockOffsetS);
        _halfSum = new double[phases];
        _previousHalfSum = new double[phases];
        _urmsHalf = new double[phases];
        Energy = new EnergyRegisters();
    }

    public MeterSettings Settings => _s;

    public EnergyRegisters Energy { get; }

    public long SamplesProcessed { get; private set; }

    /// <summary>True when harmonics go through resampling and an FFT (high rates), false for the exact DFT (low rates).</summary>
    public bool UsesFft => _calculator.UsesFft;

    /// <summary>Feeds whole interleaved frames (channel count = <see cref="MeterSettings.ChannelCount"/>).</summary>
    public void Process(ReadOnlySpan<double> interleaved)
    {
        var channels = _s.ChannelCount;
        if (interleaved.Length % channels != 0)
        {
            throw new ArgumentException($"{interleaved.Length} values are not whole frames of {channels} channels", nameof(interleaved));
        }

        for (var off = 0; off < interleaved.Length; off += channels)
        {
            var frame = interleaved.Slice(off, channels);
            if (_history.IsFull)
            {
                Compact();
            }

            _history.Append(frame);
            for (var p = 0; p < _flicker.Length; p++)
            {
                _flicker[p].Push(frame[p]);
            }

            var sampleTime = SamplesProcessed / _s.SampleRateHz;
            if (_flicker.Length > 0 && _flickerPeriods.Crossed(sampleTime))
            {
                EndFlickerPeriod(sampleTime, complete: true);
            }

            SamplesProcessed++;
            var found = _tracker.Push(frame[0], _found);
            for (var k = 0; k < found; k++)
            {
                _pending[_pendingCount++] = _found[k];
            }

            DrainPending(force: false);
        }
    }

    /// <summary>Ends the record: handles the boundaries still waiting for samples and closes open events as unfinished.</summary>
    public void Complete()
    {
        DrainPending(force: true);
        var end = SamplesProcessed / _s.SampleRateHz;
        _events.Flush(end);
        _tenMinuteComplete &= _minutes10.Count > 0 && (_minutes10.StartS + _clockOffsetS + 600) - end < 1;
        EmitTenMinutes();
        if (_frequency.Flush() is { } f)
        {
            _observer.OnFrequency(f);
        }

        if (_flicker.Length > 0)
        {
            EndFlickerPeriod(end, complete: false);
        }
    }

    private void DrainPending(bool force)
    {
        var handled = 0;
        while (handled < _pendingCount)
        {
            var b = _pending[handled];
            var needed = (long)Math.Floor(b.Position) + LagrangeResampler.MarginAfter + 2;
            if (_history.EndIndex < needed)
            {
                if (!force)
                {
                    break;
                }

                handled++;
                continue;
            }

            Handle(b);
            handled++;
        }

        if (handled > 0)
        {
            Array.Copy(_pending, handled, _pending, 0, _pendingCount - handled);
            _pendingCount -= handled;
        }
    }

    private void Handle(CycleBoundary b)
    {
        var pos = b.Position;
        var fs = _s.SampleRateHz;
        if (!double.IsNaN(_previousBoundary) && _history.Local(_previousBoundary) >= 0)
        {
            var a = _history.Local(_previousBoundary);
            var e = _history.Local(pos);
            for (var p = 0; p < _halfSum.Length; p++)
            {
                var u = _history.Channel(p);
                _halfSum[p] = SpanMath.Integral(u, u, a, e);
            }

            if (!double.IsNaN(_previousBoundary2))
            {
                var window = pos - _previousBoundary2;
                for (var p = 0; p < _halfSum.Length; p++)
                {
                    _urmsHalf[p] = Math.Sqrt(Math.Max(0, (_halfSum[p] + _previousHalfSum[p]) / window));
                }

                var t = pos / fs;
                _events.Update(t, _urmsHalf);
                for (var p = 0; p < _rvc.Length; p++)
                {
                    _rvc[p].Update(t, _urmsHalf[p], _events.Active);
                }

                _intervalFlagged |= _events.Active;
                _observer.OnHalfCycle(t, _urmsHalf);
            }

            _halfSum.CopyTo(_previousHalfSum, 0);
        }

        _previousBoundary2 = _previousBoundary;
        _previousBoundary = pos;
        if (!b.Rising)
        {
            return;
        }

        if (_frequency.Add(pos / fs, b.Synthetic, _intervalFlagged) is { } f)
        {
            _observer.OnFrequency(f);
        }

        if (double.IsNaN(_intervalStart) || _history.Local(_intervalStart) < LagrangeResampler.MarginBefore)
        {
            _intervalStart = pos;
            _cyclesInInterval = 0;
            return;
        }

        if (++_cyclesInInterval == _s.CyclesPerInterval)
        {
            CloseInterval(pos);
        }
    }

    private void CloseInterval(double end)
    {
        var v = _basic;
        _calculator.Compute(_history, _history.Local(_intervalStart), _history.Local(end), v);
        v.StartS = _intervalStart / _s.SampleRateHz;
        v.Flagged = _intervalFlagged;
        Energy.Add(v.Total(TotalField.PW), v.Total(TotalField.Q1Var), v.DurationS);
        _observer.OnBasicInterval(v);
        Aggregate(v);
        _intervalStart = end;
        _cyclesInInterval = 0;
        _intervalFlagged = _events.Active;
    }

    private void Aggregate(IntervalValues v)
    {
        _cycles150.Add(v);
        if (_cycles150.Count == 15)
        {
            _cycles150.Emit(_aggregate);
            _aggregate.Complete = true;
            _observer.OnAggregate(AggregationLevel.Cycles150, _aggregate);
        }

        var t = v.StartS + _clockOffsetS;
        var tick = (long)Math.Floor(t / 600);
        if (_tenMinuteTick == long.MinValue)
        {
            // The first 10-min value is complete only when the record starts on a tick.
            _tenMinuteTick = tick;
            _tenMinuteComplete = t - (tick * 600) < v.DurationS;
        }
        else if (tick != _tenMinuteTick)
        {
            EmitTenMinutes();
            _tenMinuteTick = tick;
            _tenMinuteComplete = true;
        }

        _minutes10.Add(v);
    }

    private void EmitTenMinutes()
    {
        if (_minutes10.Count == 0)
        {
            return;
        }

        _minutes10.Emit(_aggregate);
        _aggregate.Complete = _tenMinuteComplete;
        _observer.OnAggregate(AggregationLevel.Minutes10, _aggregate);
        if (!_tenMinuteComplete)
        {
            return;
        }

        var twoHour = (long)Math.Floor(_tenMinuteTick / 12.0);
        if (_hours2.Count > 0 && twoHour != _twoHourTick)
        {
            _hours2.Emit(_scratch); // an incomplete 2-h window is dropped
        }

        _twoHourTick = twoHour;
        _hours2.Add(_aggregate);
        if (_hours2.Count == 12)
        {
            _hours2.Emit(_aggregate);
            _aggregate.Complete = true;
            _observer.OnAggregate(AggregationLevel.Hours2, _aggregate);
        }
    }

    private void EndFlickerPeriod(double timeS, bool complete)
    {
        var (start, wasComplete) = _flickerPeriods.Close(timeS, complete);
        for (var p = 0; p < _flicker.Length; p++)
        {
            var pst = _flicker[p].EndPeriod();
            if (double.IsNaN(pst))
            {
                continue;
            }

            _observer.OnFlicker(new FlickerValue(p, start, timeS - start, pst, double.NaN, wasComplete, _intervalFlagged));
            if (wasComplete && _flickerPeriods.AddPst(p, pst, timeS) is { } plt)
            {
                _observer.OnFlicker(new FlickerValue(p, plt.StartS, timeS - plt.StartS, double.NaN, plt.Plt, true, false));
            }
        }
    }

    private void Compact()
    {
        var keep = _intervalStart;
        if (double.IsNaN(keep) || (!double.IsNaN(_previousBoundary2) && _previousBoundary2 < keep))
        {
            keep = double.IsNaN(_previousBoundary2) ? _history.EndIndex - 8 : Math.Min(_previousBoundary2, double.IsNaN(keep) ? double.MaxValue : keep);
        }

        var from = (long)Math.Floor(keep) - LagrangeResampler.MarginBefore - 2;
        if (from <= _history.BaseIndex + 16)
        {
            // No crossing for a whole buffer: give up the open interval and keep only the recent samples.
            _intervalStart = double.NaN;
            _previousBoundary = double.NaN;
            _previousBoundary2 = double.NaN;
            from = _history.EndIndex - (_history.Capacity / 4);
        }

        _history.DropBefore(from);
    }
}
