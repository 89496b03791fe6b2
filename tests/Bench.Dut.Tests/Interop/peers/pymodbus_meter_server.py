"""A PM8000-like meter served by pymodbus (Debian python3-pymodbus 3.0.0rc1) for Bench's client to read.

Register numbers are Schneider's 1-based numbers; zero_mode=True keeps pymodbus from shifting addresses by one
(shared/TOOLING.md), so number N sits at wire address N - 1. Prints the bound port on stdout, then serves until killed.
"""
import asyncio
import struct
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server.async_io import ModbusTcpServer

UNIT = int(sys.argv[1]) if len(sys.argv) > 1 else 1
regs = [0] * 22000


def put(number, words):
    regs[number - 1:number - 1 + len(words)] = words


def float32(value):
    return list(struct.unpack(">HH", struct.pack(">f", value)))


def int64(value):
    return list(struct.unpack(">HHHH", struct.pack(">q", value)))


def utf8(text, length):
    raw = text.encode("utf-8").ljust(2 * length, b"\0")
    return list(struct.unpack(">" + "H" * length, raw))


put(50, utf8("PM8244", 20))
put(130, list(struct.unpack(">HH", struct.pack(">I", 987654321))))
put(1717, utf8("4.0.2", 6))
for k, (u, i, p, q, s) in enumerate([(230.1, 4.9, 1.10, 0.2, 1.13), (229.8, 5.0, 1.11, 0.21, 1.15), (230.4, 5.1, 1.12, 0.22, 1.17)]):
    put(3028 + 2 * k, float32(u))
    put(3000 + 2 * k, float32(i))
    put(3054 + 2 * k, float32(p))
    put(3062 + 2 * k, float32(q))
    put(3070 + 2 * k, float32(s))
    put(3078 + 2 * k, float32(1.9))  # 4Q_FP_PF: 1.9 → PF 0.1 leading
put(3060, float32(3.33))
put(3068, float32(0.63))
put(3076, float32(3.45))
put(3084, float32(0.95))
put(3110, float32(49.98))
put(3204, int64(123456789012))
put(3220, int64(4567))
put(2700, float32(123456.789))


async def main():
    block = ModbusSequentialDataBlock(0, regs)
    slave = ModbusSlaveContext(hr=block, ir=block, zero_mode=True)
    context = ModbusServerContext(slaves={UNIT: slave}, single=False)
    server = ModbusTcpServer(context, address=("127.0.0.1", 0))
    task = asyncio.create_task(server.serve_forever())
    await server.serving
    print(server.server.sockets[0].getsockname()[1], flush=True)
    await task


asyncio.run(main())
