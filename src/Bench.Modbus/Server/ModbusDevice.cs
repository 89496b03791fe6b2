using Bench.Modbus.Errors;
using Bench.Modbus.Pdu;
using Bench.Modbus.Protocol;

namespace Bench.Modbus.Server;

/// <summary>
/// A server device: parses each request, applies it to its <see cref="IModbusDataModel"/> and writes the response,
/// or the exception response the data model or the parser asked for (01 function, 02 address, 03 value, 04 failure).
/// </summary>
public sealed class ModbusDevice : IModbusRequestHandler
{
    private readonly IModbusDataModel _model;

    public ModbusDevice(IModbusDataModel model) => _model = model;

    public ValueTask<int> HandleAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Handle(requestPdu.Span, responsePdu.Span));

    public int Handle(ReadOnlySpan<byte> requestPdu, Span<byte> response)
    {
        var function = requestPdu.Length > 0 ? (FunctionCode)requestPdu[0] : 0;
        try
        {
            return Apply(RequestParser.Parse(requestPdu), response);
        }
        catch (ModbusRequestException e)
        {
            return ResponseWriter.Exception(response, function, e.Code);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return ResponseWriter.Exception(response, function, ExceptionCode.ServerDeviceFailure);
        }
    }

    private int Apply(IModbusRequest request, Span<byte> response)
    {
        switch (request)
        {
            case ReadRegistersRequest r:
                {
                    Span<ushort> values = stackalloc ushort[r.Count];
                    CheckRange(r.Address, r.Count);
                    if (r.Function == FunctionCode.ReadHoldingRegisters)
                    {
                        _model.ReadHoldingRegisters(r.Address, values);
                    }
                    else
                    {
                        _model.ReadInputRegisters(r.Address, values);
                    }

                    return ResponseWriter.Registers(response, r.Function, values);
                }

            case ReadBitsRequest r:
                {
                    Span<bool> values = stackalloc bool[r.Count];
                    CheckRange(r.Address, r.Count);
                    if (r.Function == FunctionCode.ReadCoils)
                    {
                        _model.ReadCoils(r.Address, values);
                    }
                    else
                    {
                        _model.ReadDiscreteInputs(r.Address, values);
                    }

                    return ResponseWriter.Bits(response, r.Function, values);
                }

            case WriteSingleCoilRequest r:
                _model.WriteCoils(r.Address, [r.Value]);
                return ResponseWriter.AddressAndValue(response, r.Function, r.Address, r.Value ? WriteSingleCoilRequest.On : (ushort)0);

            case WriteSingleRegisterRequest r:
                _model.WriteHoldingRegisters(r.Address, [r.Value]);
                return ResponseWriter.AddressAndValue(response, r.Function, r.Address, r.Value);

            case WriteMultipleCoilsRequest r:
                CheckRange(r.Address, r.Values.Count);
                _model.WriteCoils(r.Address, r.Values.ToArray());
                return ResponseWriter.AddressAndValue(response, r.Function, r.Address, (ushort)r.Values.Count);

            case WriteMultipleRegistersRequest r:
                CheckRange(r.Address, r.Values.Count);
                _model.WriteHoldingRegisters(r.Address, r.Values.ToArray());
                return ResponseWriter.AddressAndValue(response, r.Function, r.Address, (ushort)r.Values.Count);

            case ReadWriteMultipleRegistersRequest r:
                {
                    CheckRange(r.WriteAddress, r.Values.Count);
                    CheckRange(r.ReadAddress, r.ReadCount);
                    _model.WriteHoldingRegisters(r.WriteAddress, r.Values.ToArray());
                    Span<ushort> values = stackalloc ushort[r.ReadCount];
                    _model.ReadHoldingRegisters(r.ReadAddress, values);
                    return ResponseWriter.Registers(response, r.Function, values);
                }

            case ReadDeviceIdentificationRequest r:
                return Identification(r, response);

            default:
                throw new ModbusRequestException(ExceptionCode.IllegalFunction, "not supported");
        }
    }

    private int Identification(ReadDeviceIdentificationRequest r, Span<byte> response)
    {
        var all = _model.IdentificationObjects;
        if (all.Count == 0)
        {
            throw new ModbusRequestException(ExceptionCode.IllegalFunction, "this device offers no identification objects");
        }

        var (first, last) = r.Code switch
        {
            DeviceIdCode.Basic => (0x00, 0x02),
            DeviceIdCode.Regular => (0x00, 0x7F),
            DeviceIdCode.Extended => (0x00, 0xFF),
            _ => (r.ObjectId, r.ObjectId),
        };
        if (r.Code == DeviceIdCode.Specific && !all.ContainsKey(r.ObjectId))
        {
            throw new ModbusRequestException(ExceptionCode.IllegalDataAddress, "no such identification object");
        }

        var start = r.Code == DeviceIdCode.Specific || all.ContainsKey(r.ObjectId) ? r.ObjectId : first;
        var objects = all.Where(o => o.Key >= start && o.Key >= first && o.Key <= last).OrderBy(o => o.Key).ToList();
        var conformity = (byte)(0x80 | all.Keys.Max() switch { >= 0x80 => 3, >= 0x03 => 2, _ => 1 });
        return ResponseWriter.DeviceIdentification(response, r.Code, conformity, objects);
    }

    private static void CheckRange(ushort address, int count)
    {
        if (address + count > 0x10000)
        {
            throw new ModbusRequestException(ExceptionCode.IllegalDataAddress, "range runs past address 65535");
        }
    }
}
