using Bench.Modbus.Data;

namespace Bench.Dut.Profiles;

/// <summary>How to talk Modbus to this meter model: numbering, default word order and table, polling limits, patience.</summary>
public sealed record ModbusSettings(
    RegisterNumbering Numbering,
    WordOrder WordOrder,
    RegisterTable Table,
    byte UnitId,
    PollingLimits Polling,
    TimeSpan Timeout,
    int Retries);
