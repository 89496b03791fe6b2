namespace Bench.Dut.Profiles;

/// <summary>Which Modbus table a register lives in: holding (read with 0x03) or input (0x04).</summary>
public enum RegisterTable
{
    Holding,
    Input,
}
