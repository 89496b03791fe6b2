namespace Bench.Modbus.Server;

/// <summary>
/// The four Modbus tables and the identification objects of one server device; addresses are 0-based wire addresses.
/// Implementations throw ModbusRequestException (e.g. IllegalDataAddress) for ranges they do not hold.
/// </summary>
public interface IModbusDataModel
{
    void ReadHoldingRegisters(ushort address, Span<ushort> values);

    void ReadInputRegisters(ushort address, Span<ushort> values);

    void WriteHoldingRegisters(ushort address, ReadOnlySpan<ushort> values);

    void ReadCoils(ushort address, Span<bool> values);

    void ReadDiscreteInputs(ushort address, Span<bool> values);

    void WriteCoils(ushort address, ReadOnlySpan<bool> values);

    /// <summary>Objects for function 0x2B/0x0E, keyed by object id (0x00 vendor, 0x01 product code, 0x02 revision…).</summary>
    IReadOnlyDictionary<byte, string> IdentificationObjects { get; }
}
