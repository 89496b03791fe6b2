"""A generic Modbus TCP server in pymodbus (Debian python3-pymodbus 3.0.0rc1) for Bench's client to exercise every
function code against. zero_mode=True: wire address N is element N (shared/TOOLING.md). Prints its port, serves until killed.

Initial contents: holding registers 0..99 = 1000 + address; input registers 0..9 = 2000 + address;
coils: every third one set (0, 3, 6, …); discrete inputs: every second one set (0, 2, 4, …).
"""
import asyncio
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.device import ModbusDeviceIdentification
from pymodbus.server.async_io import ModbusTcpServer

UNIT = int(sys.argv[1]) if len(sys.argv) > 1 else 1


async def main():
    slave = ModbusSlaveContext(
        hr=ModbusSequentialDataBlock(0, [1000 + a for a in range(100)]),
        ir=ModbusSequentialDataBlock(0, [2000 + a for a in range(10)]),
        co=ModbusSequentialDataBlock(0, [a % 3 == 0 for a in range(100)]),
        di=ModbusSequentialDataBlock(0, [a % 2 == 0 for a in range(100)]),
        zero_mode=True,
    )
    context = ModbusServerContext(slaves={UNIT: slave}, single=False)
    identity = ModbusDeviceIdentification(info_name={
        "VendorName": "pymodbus peer", "ProductCode": "PM", "MajorMinorRevision": "3.0.0rc1",
        "VendorUrl": "https://github.com/pymodbus-dev/pymodbus", "ProductName": "generic server",
        "ModelName": "Bench interop", "UserApplicationName": "tests"})
    server = ModbusTcpServer(context, identity=identity, address=("127.0.0.1", 0))
    task = asyncio.create_task(server.serve_forever())
    await server.serving
    print(server.server.sockets[0].getsockname()[1], flush=True)
    await task


asyncio.run(main())
