"""Reads registers with pymodbus (Debian python3-pymodbus 3.0.0rc1) and prints them decoded, one per line.

Usage: pymodbus_read.py tcp HOST PORT UNIT SPEC... | rtu DEVICE BAUD PARITY UNIT SPEC...
SPEC is NUMBER:TYPE with Schneider 1-based NUMBER (wire address NUMBER - 1) and TYPE float32, int64, uint32 or utf8/N.
Decoding uses struct with big-endian words, high word first: an independent check of Bench's encoder.
"""
import struct
import sys

from pymodbus.client import ModbusSerialClient, ModbusTcpClient

if sys.argv[1] == "tcp":
    client = ModbusTcpClient(sys.argv[2], port=int(sys.argv[3]), timeout=3)
    unit, specs = int(sys.argv[4]), sys.argv[5:]
else:
    client = ModbusSerialClient(method="rtu", port=sys.argv[2], baudrate=int(sys.argv[3]), parity=sys.argv[4],
                                stopbits=1, bytesize=8, timeout=3)
    unit, specs = int(sys.argv[5]), sys.argv[6:]
if not client.connect():
    sys.exit("cannot connect")
for spec in specs:
    number, kind = spec.split(":", 1)
    count = {"float32": 2, "int64": 4, "uint32": 2}.get(kind) or int(kind.split("/")[1])
    rr = client.read_holding_registers(int(number) - 1, count, slave=unit)
    if rr.isError():
        print(f"{number} error {rr}")
        continue
    raw = struct.pack(">" + "H" * count, *rr.registers)
    if kind == "float32":
        value = repr(struct.unpack(">f", raw)[0])
    elif kind == "int64":
        value = str(struct.unpack(">q", raw)[0])
    elif kind == "uint32":
        value = str(struct.unpack(">I", raw)[0])
    else:
        value = raw.rstrip(b"\0").decode("utf-8")
    print(f"{number} {value}")
client.close()
