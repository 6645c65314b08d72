"""TCP connection churn: 5,000 connect / one byte / close cycles, 50 in flight.

Each client connects, writes one byte and ends; the server reads the byte
and ends too; when a client's socket closes the next one starts, keeping 50
connections in flight. Connections per second. Node does about 9,300/s here.
Usage: python bench/tcp_churn.py [connections] [runs]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tcp_common import compare  # noqa: E402

JS = r"""
const net = require('node:net');
const total = +process.argv[2];
const inFlight = 50;
let started = 0;
let finished = 0;
let start;
const server = net.createServer((socket) => {
  socket.on('data', () => {});
  socket.on('end', () => socket.end());
});
function next(port) {
  if (started === total) return;
  started++;
  const client = net.connect(port, '127.0.0.1', () => client.end('x'));
  client.resume();
  client.on('close', () => {
    if (++finished === total) {
      console.log(total / (Number(process.hrtime.bigint() - start) / 1e9));
      server.close();
      return;
    }
    next(port);
  });
}
server.listen(0, '127.0.0.1', () => {
  start = process.hrtime.bigint();
  for (let i = 0; i < inFlight; i++) next(server.address().port);
});
"""

ASYNCIO_STREAMS = r"""
import asyncio, sys, time

async def main(total):
    async def handle(reader, writer):
        await reader.read()
        writer.close()
        await writer.wait_closed()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    remaining = iter(range(total))
    async def worker():
        for _ in remaining:
            reader, writer = await asyncio.open_connection('127.0.0.1', port)
            writer.write(b'x')
            writer.write_eof()
            await reader.read()
            writer.close()
            await writer.wait_closed()
    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(50)))
    print(total / (time.perf_counter() - start))
    server.close()

asyncio.run(main(int(sys.argv[1])))
"""

ASYNCIO_PROTOCOLS = r"""
import asyncio, sys, time

class Server(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
    def data_received(self, data):
        pass
    def eof_received(self):
        self.transport.close()

class Client(asyncio.Protocol):
    def __init__(self, closed):
        self.closed = closed
    def connection_made(self, transport):
        transport.write(b'x')
        transport.write_eof()
    def data_received(self, data):
        pass
    def eof_received(self):
        return False
    def connection_lost(self, exc):
        self.closed.set_result(None)

async def main(total):
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    remaining = iter(range(total))
    async def worker():
        for _ in remaining:
            closed = loop.create_future()
            await loop.create_connection(lambda: Client(closed), '127.0.0.1', port)
            await closed
    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(50)))
    print(total / (time.perf_counter() - start))
    server.close()

asyncio.run(main(int(sys.argv[1])))
"""


def main() -> None:
    total = sys.argv[1] if len(sys.argv) > 1 else "5000"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    compare(f"tcp connection churn, {total} connections, 50 in flight", "conn/s", JS, ASYNCIO_STREAMS,
            ASYNCIO_PROTOCOLS, [total], runs)


if __name__ == "__main__":
    main()
