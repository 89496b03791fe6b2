namespace Bench.Modbus.Data;

/// <summary>
/// How a 32- or 64-bit value is laid over registers, named after the bytes of a 32-bit value A (most significant) … D.
/// ABCD: high word first, big-endian words (Modbus default, Schneider PM8000); CDAB: low word first; BADC: high word first
/// with bytes swapped inside each word; DCBA: fully little-endian. For 64-bit values the same rule extends over 4 registers.
/// </summary>
public enum WordOrder
{
    ABCD,
    CDAB,
    BADC,
    DCBA,
}
