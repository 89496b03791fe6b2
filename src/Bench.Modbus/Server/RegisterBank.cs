using Bench.Modbus.Errors;
using Bench.Modbus.Protocol;

namespace Bench.Modbus.Server;

/// <summary>
/// An in-memory data model: the four tables as arrays, and which addresses exist. A request touching an address that
/// was never defined is answered with exception 02, as a meter does for a block that crosses a hole in its map.
/// </summary>
public sealed class RegisterBank : IModbusDataModel
{
    private readonly ushort[] _holding = new ushort[0x10000];
    private readonly ushort[] _input = new ushort[0x10000];
    private readonly bool[] _coils = new bool[0x10000];
    private readonly bool[] _discrete = new bool[0x10000];
    private readonly bool[] _holdingDefined = new bool[0x10000];
    private readonly bool[] _inputDefined = new bool[0x10000];
    private readonly bool[] _coilsDefined = new bool[0x10000];
    private readonly bool[] _discreteDefined = new bool[0x10000];
    private readonly Dictionary<byte, string> _identification = [];

    /// <summary>Holding registers by wire address; writes here never fail, whatever is defined.</summary>
    public Span<ushort> Holding => _holding;

    public Span<ushort> Input => _input;

    public Span<bool> Coils => _coils;

    public Span<bool> DiscreteInputs => _discrete;

    /// <summary>When set, writes to holding registers through the protocol are refused with exception 01.</summary>
    public bool ReadOnlyHolding { get; set; }

    public IReadOnlyDictionary<byte, string> IdentificationObjects => _identification;

    public Dictionary<byte, string> Identification => _identification;

    public void DefineHolding(int address, int count) => _holdingDefined.AsSpan(address, count).Fill(true);

    public void DefineInput(int address, int count) => _inputDefined.AsSpan(address, count).Fill(true);

    public void DefineCoils(int address, int count) => _coilsDefined.AsSpan(address, count).Fill(true);

    public void DefineDiscreteInputs(int address, int count) => _discreteDefined.AsSpan(address, count).Fill(true);

    public void ReadHoldingRegisters(ushort address, Span<ushort> values) => Read(_holding, _holdingDefined, address, values);

    public void ReadInputRegisters(ushort address, Span<ushort> values) => Read(_input, _inputDefined, address, values);

    public void WriteHoldingRegisters(ushort address, ReadOnlySpan<ushort> values)
    {
        Require(_holdingDefined, address, values.Length);
        if (ReadOnlyHolding)
        {
            throw new ModbusRequestException(ExceptionCode.IllegalFunction, "holding registers are read-only");
        }

        values.CopyTo(_holding.AsSpan(address));
    }

    public void ReadCoils(ushort address, Span<bool> values) => Read(_coils, _coilsDefined, address, values);

    public void ReadDiscreteInputs(ushort address, Span<bool> values) => Read(_discrete, _discreteDefined, address, values);

    public void WriteCoils(ushort address, ReadOnlySpan<bool> values)
    {
        Require(_coilsDefined, address, values.Length);
        values.CopyTo(_coils.AsSpan(address));
    }

    private static void Read<T>(T[] table, bool[] defined, ushort address, Span<T> values)
    {
        Require(defined, address, values.Length);
        table.AsSpan(address, values.Length).CopyTo(values);
    }

    private static void Require(bool[] defined, int address, int count)
    {
        if (address + count > defined.Length || defined.AsSpan(address, count).Contains(false))
        {
            throw new ModbusRequestException(ExceptionCode.IllegalDataAddress, $"address range {address}+{count} not defined");
        }
    }
}
