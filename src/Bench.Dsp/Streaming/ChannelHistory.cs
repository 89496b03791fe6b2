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
