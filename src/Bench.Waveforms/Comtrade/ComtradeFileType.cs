namespace Bench.Waveforms.Comtrade;

/// <summary>The .dat encodings of IEEE C37.111 (BINARY32 and FLOAT32 from the 2013 revision on).</summary>
public enum ComtradeFileType
{
    Ascii,
    Binary,
    Binary32,
    Float32,
}
