"""Exercises every function code against a Modbus TCP server with pymodbus (Debian python3-pymodbus 3.0.0rc1) and
prints one "name value" line per result. Usage: pymodbus_client_all.py PORT UNIT.
Requests built by hand take unit= (the client methods take slave=) in this pymodbus version."""
import sys

from pymodbus.client import ModbusTcpClient
from pymodbus.mei_message import ReadDeviceInformationRequest
from pymodbus.register_read_message import ReadWriteMultipleRegistersRequest

port, unit = int(sys.argv[1]), int(sys.argv[2])
c = ModbusTcpClient("127.0.0.1", port=port, timeout=3)
if not c.connect():
    sys.exit("cannot connect")


def show(name, value):
    print(name, value)


show("fc03", c.read_holding_registers(0x6B, 3, slave=unit).registers)
show("fc04", c.read_input_registers(8, 1, slave=unit).registers)
show("fc01", [int(b) for b in c.read_coils(0x13, 19, slave=unit).bits[:19]])
show("fc02", [int(b) for b in c.read_discrete_inputs(0, 4, slave=unit).bits[:4]])
show("fc05", c.write_coil(5, True, slave=unit).value)
show("fc06", c.write_register(200, 0x1234, slave=unit).value)
show("fc0f", c.write_coils(100, [True, False, True], slave=unit).count)
show("fc10", c.write_registers(201, [7, 8, 9], slave=unit).count)
rw = c.execute(ReadWriteMultipleRegistersRequest(read_address=200, read_count=4, write_address=204, write_registers=[42], unit=unit))
show("fc17", rw.registers)
show("back", [int(b) for b in c.read_coils(100, 3, slave=unit).bits[:3]] + [int(c.read_coils(5, 1, slave=unit).bits[0])])
info = c.execute(ReadDeviceInformationRequest(read_code=1, object_id=0, unit=unit))
show("fc2b", sorted((k, v.decode()) for k, v in info.information.items()))
err = c.read_holding_registers(299, 5, slave=unit)
show("exc", getattr(err, "exception_code", None))
c.close()
