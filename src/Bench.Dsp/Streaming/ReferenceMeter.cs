using System.Runtime.CompilerServices;

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
    private readonly CycleTracker[] _trackers;
    private readonly HalfCycleRms[] _halfCycles;
    private readonly HalfCycleEntry[] _entries;
    private readonly int _scanBlock;
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
    private readonly PolyphaseRvc _polyRvc = new();
    private readonly Flickermeter[] _flicker;
    private readonly FlickerPeriods _flickerPeriods;
    private readonly CycleBoundary[] _found = new CycleBoundary[4];
    private readonly CycleBoundary[] _pending = new CycleBoundary[16];
    private readonly double[] _urmsHalf;
    private readonly double _clockOffsetS;
    private int _pendingCount;
    private long _flickerTickSample;
    private readonly int _minimumChunk;
    private double _intervalStart = double.NaN;
    private int _cyclesInInterval;
    private bool _intervalFlagged;
    private double _overlapStart = double.NaN;
    private int _overlapCycles;
    private bool _overlapFlagged;
    private double _lastRising = double.NaN;
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
        // Every voltage channel has its own zero crossings (its Urms(1/2) grid); the first one's also bound the intervals.
        _trackers = new CycleTracker[settings.Phases];
        _halfCycles = new HalfCycleRms[settings.Phases];
        for (var p = 0; p < settings.Phases; p++)
        {
            _trackers[p] = new CycleTracker(spc);
            _halfCycles[p] = new HalfCycleRms();
        }

        // Channels are scanned a cycle at a time and their half-cycle values merged in time order: at most ~12
        // crossings per channel in a cycle (0.25 of the shortest period apart); room for more than twice that.
        _scanBlock = (int)Math.Ceiling(spc);
        _entries = new HalfCycleEntry[32 * settings.Phases];
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
            _rvc[p] = new RvcDetector(p, settings.NominalVoltageV, settings.RvcThresholdPercent, rvcWindow, OnChannelRvc);
        }

        var lamp = settings.NominalVoltageV <= 150 ? FlickerLamp.Lamp120V : FlickerLamp.Lamp230V;
        _flicker = settings.Flicker ? Enumerable.Range(0, phases).Select(_ => new Flickermeter(settings.SampleRateHz, settings.NominalFrequencyHz, lamp)).ToArray() : [];
        _flickerPeriods = new FlickerPeriods(phases, _clockOffsetS);
        _flickerTickSample = (long)Math.Ceiling(_flickerPeriods.NextTickS * settings.SampleRateHz);
        _minimumChunk = (int)Math.Ceiling(2 * spc);
        _urmsHalf = new double[phases];
        Energy = new EnergyRegisters();
    }

    public MeterSettings Settings => _s;

    public EnergyRegisters Energy { get; }

    public long SamplesProcessed { get; private set; }

    /// <summary>True when harmonics go through resampling and an FFT (high rates), false for the exact DFT (low rates).</summary>
    public bool UsesFft => _calculator.UsesFft;

    /// <summary>Feeds whole interleaved frames (channel count = <see cref="MeterSettings.ChannelCount"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process(ReadOnlySpan<double> interleaved)
    {
        var channels = _s.ChannelCount;
        if (interleaved.Length % channels != 0)
        {
            throw new ArgumentException($"{interleaved.Length} values are not whole frames of {channels} channels", nameof(interleaved));
        }

        var frames = interleaved.Length / channels;
        var done = 0;
        while (done < frames)
        {
            if (_history.Capacity - _history.Count < _minimumChunk)
            {
                Compact();
            }

            var chunk = Math.Min(frames - done, _history.Capacity - _history.Count);
            var block = interleaved.Slice(done * channels, chunk * channels);
            var first = _history.Count;
            _history.AppendBlock(block, chunk);
            if (_flicker.Length > 0)
            {
                Flicker(first, chunk);
            }

            for (var at = 0; at < chunk; at += _scanBlock)
            {
                ScanBlock(first + at, Math.Min(_scanBlock, chunk - at));
            }

            SamplesProcessed += chunk;
            DrainPending(force: false);
            done += chunk;
        }
    }

    /// <summary>
    /// Finds the zero crossings of every voltage channel in [first, first + frames) (local indices), computes each
    /// channel's Urms(1/2) at its own crossings, and hands the values to the event detectors in time order; the first
    /// channel's crossings also go on to bound cycles and intervals.
    /// </summary>
    private void ScanBlock(int first, int frames)
    {
        var count = 0;
        for (var p = 0; p < _trackers.Length; p++)
        {
            var samples = _history.Channel(p).Slice(first, frames);
            var at = 0;
            while (at < samples.Length)
            {
                var found = _trackers[p].Scan(samples, ref at, _found);
                for (var k = 0; k < found; k++)
                {
                    var b = _found[k];
                    var ready = _halfCycles[p].Add(_history, p, b.Position, out var windowStart, out var meanSquare);
                    if (count < _entries.Length)
                    {
                        _entries[count++] = new HalfCycleEntry(b, p, ready, windowStart, meanSquare);
                    }
                }
            }
        }

        // Insertion sort by position: a few entries, nearly in order already.
        for (var i = 1; i < count; i++)
        {
            var e = _entries[i];
            var j = i - 1;
            while (j >= 0 && _entries[j].Boundary.Position > e.Boundary.Position)
            {
                _entries[j + 1] = _entries[j];
                j--;
            }

            _entries[j + 1] = e;
        }

        for (var i = 0; i < count; i++)
        {
            var e = _entries[i];
            if (e.Ready)
            {
                HalfCycle(e);
            }

            if (e.Channel == 0)
            {
                if (_pendingCount == _pending.Length)
                {
                    DrainPending(force: true);
                }

                _pending[_pendingCount++] = e.Boundary;
                DrainPending(force: false);
            }
        }
    }

    private void HalfCycle(in HalfCycleEntry e)
    {
        var fs = _s.SampleRateHz;
        var window = new HalfCycleWindow(e.WindowStart / fs, e.Boundary.Position / fs, e.MeanSquare);
        var urms = window.Urms;
        _urmsHalf[e.Channel] = urms;
        _events.Update(e.Channel, window);
        _rvc[e.Channel].Update(window.EndS, urms, _events.Active);
        if (_rvc.Length > 1)
        {
            var anyRvc = false;
            foreach (var rvc in _rvc)
            {
                anyRvc |= rvc.InEvent;
            }

            if (_polyRvc.Close(anyRvc) is { } poly)
            {
                _observer.OnEvent(poly);
            }
        }
        _intervalFlagged |= _events.Active;
        _overlapFlagged |= _events.Active;
        _observer.OnChannelHalfCycle(e.Channel, window);
        if (e.Channel == 0)
        {
            _observer.OnHalfCycle(window.EndS, _urmsHalf);
        }
    }

    private void OnChannelRvc(PqEvent e)
    {
        _observer.OnEvent(e);
        _polyRvc.Add(e);
    }

    private readonly record struct HalfCycleEntry(CycleBoundary Boundary, int Channel, bool Ready, double WindowStart, double MeanSquare);

    private void Flicker(int first, int frames)
    {
        var at = 0;
        while (at < frames)
        {
            var sample = SamplesProcessed + at;
            var take = (int)Math.Min(frames - at, Math.Max(0, _flickerTickSample - sample));
            for (var p = 0; p < _flicker.Length; p++)
            {
                _flicker[p].Push(_history.Channel(p).Slice(first + at, take));
            }

            at += take;
            if (SamplesProcessed + at >= _flickerTickSample)
            {
                EndFlickerPeriod((SamplesProcessed + at) / _s.SampleRateHz, complete: true);
                _flickerTickSample = (long)Math.Ceiling(_flickerPeriods.NextTickS * _s.SampleRateHz);
            }
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
        if (!b.Rising)
        {
            return;
        }

        if (_frequency.Add(pos / fs, b.Synthetic, _intervalFlagged) is { } f)
        {
            _observer.OnFrequency(f);
        }

        var tickCrossed = !double.IsNaN(_lastRising) && TenMinuteTick(pos) != TenMinuteTick(_lastRising);
        _lastRising = pos;
        if (double.IsNaN(_intervalStart) || _history.Local(_intervalStart) < LagrangeResampler.MarginBefore)
        {
            _intervalStart = pos;
            _cyclesInInterval = 0;
            return;
        }

        // The interval left running across a 10-min tick finishes on its own, overlapping the resynchronised one.
        if (!double.IsNaN(_overlapStart) && ++_overlapCycles == _s.CyclesPerInterval)
        {
            EmitInterval(_overlapStart, pos, _overlapFlagged, energyEnd: _intervalStart);
            _overlapStart = double.NaN;
        }

        ++_cyclesInInterval;
        if (tickCrossed && _cyclesInInterval < _s.CyclesPerInterval)
        {
            // IEC 61000-4-30: the 10/12-cycle sequence restarts at the 10-min tick (first cycle after it).
            _overlapStart = _intervalStart;
            _overlapCycles = _cyclesInInterval;
            _overlapFlagged = _intervalFlagged;
            _intervalStart = pos;
            _cyclesInInterval = 0;
            _intervalFlagged = _events.Active;
            return;
        }

        if (_cyclesInInterval == _s.CyclesPerInterval)
        {
            EmitInterval(_intervalStart, pos, _intervalFlagged, energyEnd: pos);
            _intervalStart = pos;
            _cyclesInInterval = 0;
            _intervalFlagged = _events.Active;
        }
    }

    private long TenMinuteTick(double position) => (long)Math.Floor(((position / _s.SampleRateHz) + _clockOffsetS) / 600);

    /// <summary>Measures [start, end]; energy counts only up to <paramref name="energyEnd"/> so that overlaps are not counted twice.</summary>
    private void EmitInterval(double start, double end, bool flagged, double energyEnd)
    {
        var v = _basic;
        _calculator.Compute(_history, _history.Local(start), _history.Local(end), v);
        v.StartS = start / _s.SampleRateHz;
        v.Flagged = flagged;
        Energy.Add(v.Total(TotalField.PW), v.Total(TotalField.Q1Var), (Math.Min(end, energyEnd) - start) / _s.SampleRateHz);
        _observer.OnBasicInterval(v);
        Aggregate(v);
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
        var keep = double.IsNaN(_overlapStart) ? _intervalStart : Math.Min(_overlapStart, _intervalStart);
        foreach (var half in _halfCycles)
        {
            if (!double.IsNaN(half.LastBoundary) && (double.IsNaN(keep) || half.LastBoundary < keep))
            {
                keep = half.LastBoundary;
            }
        }

        if (double.IsNaN(keep))
        {
            keep = _history.EndIndex - 8;
        }

        var from = (long)Math.Floor(keep) - LagrangeResampler.MarginBefore - 2;
        if (from <= _history.BaseIndex + 16)
        {
            // No crossing for a whole buffer: give up the open interval and keep only the recent samples.
            _intervalStart = double.NaN;
            _overlapStart = double.NaN;
            foreach (var half in _halfCycles)
            {
                half.Reset();
            }

            from = _history.EndIndex - (_history.Capacity / 4);
        }

        _history.DropBefore(from);
    }
}
