using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Bench.Dsp.Streaming;

/// <summary>
/// The recent samples of every channel, de-interleaved, in fixed-size arrays: the engine's only sample memory. Global
/// sample n sits at index n − <see cref="BaseIndex"/>; <see cref="DropBefore"/> slides the window forward.
/// </summary>
public sealed class ChannelHistory
{
    private readonly double[][] _channels;

    public ChannelHistory(int channels, int capacity)
    {
        _channels = new double[channels][];
        for (var c = 0; c < channels; c++)
        {
            _channels[c] = new double[capacity];
        }

        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Global index of the oldest sample held.</summary>
    public long BaseIndex { get; private set; }

    public int Count { get; private set; }

    /// <summary>Global index one past the newest sample.</summary>
    public long EndIndex => BaseIndex + Count;

    public bool IsFull => Count == Capacity;

    public ReadOnlySpan<double> Channel(int c) => _channels[c].AsSpan(0, Count);

    /// <summary>Appends one interleaved frame.</summary>
    public void Append(ReadOnlySpan<double> frame)
    {
        var i = Count;
        for (var c = 0; c < _channels.Length; c++)
        {
            _channels[c][i] = frame[c];
        }

        Count = i + 1;
    }

    /// <summary>Appends <paramref name="frames"/> interleaved frames (must fit: Count + frames ≤ Capacity).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendBlock(ReadOnlySpan<double> interleaved, int frames)
    {
        var channels = _channels.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Count + frames, Capacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(interleaved.Length, frames * channels);
        ref var src = ref MemoryMarshal.GetReference(interleaved);
        if (channels == 6)
        {
            // The 3P4W layout, one pass over the frames: six sequential write streams instead of six strided reads.
            ref var c0 = ref _channels[0][Count];
            ref var c1 = ref _channels[1][Count];
            ref var c2 = ref _channels[2][Count];
            ref var c3 = ref _channels[3][Count];
            ref var c4 = ref _channels[4][Count];
            ref var c5 = ref _channels[5][Count];
            for (var i = 0; i < frames; i++)
            {
                ref var f = ref Unsafe.Add(ref src, i * 6);
                Unsafe.Add(ref c0, i) = f;
                Unsafe.Add(ref c1, i) = Unsafe.Add(ref f, 1);
                Unsafe.Add(ref c2, i) = Unsafe.Add(ref f, 2);
                Unsafe.Add(ref c3, i) = Unsafe.Add(ref f, 3);
                Unsafe.Add(ref c4, i) = Unsafe.Add(ref f, 4);
                Unsafe.Add(ref c5, i) = Unsafe.Add(ref f, 5);
            }
        }
        else
        {
            for (var c = 0; c < channels; c++)
            {
                var dst = _channels[c].AsSpan(Count, frames);
                for (int i = 0, j = c; i < frames; i++, j += channels)
                {
                    dst[i] = Unsafe.Add(ref src, j);
                }
            }
        }

        Count += frames;
    }

    /// <summary>Forgets the samples before global index <paramref name="index"/>.</summary>
    public void DropBefore(long index)
    {
        var drop = (int)Math.Clamp(index - BaseIndex, 0, Count);
        if (drop == 0)
        {
            return;
        }

        foreach (var ch in _channels)
        {
            Array.Copy(ch, drop, ch, 0, Count - drop);
        }

        Count -= drop;
        BaseIndex += drop;
    }

    /// <summary>Position relative to the held window of a global (fractional) sample position.</summary>
    public double Local(double globalPosition) => globalPosition - BaseIndex;
}
