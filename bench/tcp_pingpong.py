"""TCP request/response: 32-byte ping-pong on one loopback connection.

Client and server live in one process (one loop); the client sends 32
bytes, the server echoes them, the client sends again on receipt: round
trips per second. Node does about 52,000/s here.
Usage: python bench/tcp_pingpong.py [round_trips] [runs]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tcp_common import compare  # noqa: E402

JS = r"""
const net = require('node:net');
const rounds = +process.argv[2];
const message = Buffer.alloc(32, 'p');
const server = net.createServer({ noDelay: true }, (socket) => {
  socket.on('data', (data) => socket.write(data));
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect({ port: server.address().port, host: '127.0.0.1', noDelay: true }, () => {
    let left = rounds;
    let pending = 0;
    const start = process.hrtime.bigint();
    client.on('data', (data) => {
      pending += data.length;
      while (pending >= 32) {
        pending -= 32;
        if (--left === 0) {
          console.log(rounds / (Number(process.hrtime.bigint() - start) / 1e9));
          client.destroy();
          server.close();
          return;
        }
        client.write(message);
      }
    });
    client.write(message);
  });
});
"""

ASYNCIO_STREAMS = r"""
import asyncio, socket, sys, time

async def main(rounds):
    async def echo(reader, writer):
        writer.get_extra_info('socket').setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        while data := await reader.read(65536):
            writer.write(data)
        writer.close()
    server = await asyncio.start_server(echo, '127.0.0.1', 0)
    reader, writer = await asyncio.open_connection('127.0.0.1', server.sockets[0].getsockname()[1])
    writer.get_extra_info('socket').setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    message = b'p' * 32
    left, pending = rounds, 0
    start = time.perf_counter()
    writer.write(message)
    while left:
        pending += len(await reader.read(65536))
        while pending >= 32 and left:
            pending -= 32
            left -= 1
            if left:
                writer.write(message)
    print(rounds / (time.perf_counter() - start))
    writer.close()
    server.close()

asyncio.run(main(int(sys.argv[1])))
"""

ASYNCIO_PROTOCOLS = r"""
import asyncio, socket, sys, time

class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        transport.get_extra_info('socket').setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.transport = transport
    def data_received(self, data):
        self.transport.write(data)

class Client(asyncio.Protocol):
    def __init__(self, rounds, done):
        self.left, self.pending, self.done = rounds, 0, done
    def connection_made(self, transport):
        transport.get_extra_info('socket').setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.transport = transport
        self.start = time.perf_counter()
        transport.write(b'p' * 32)
    def data_received(self, data):
        self.pending += len(data)
        while self.pending >= 32:
            self.pending -= 32
            self.left -= 1
            if self.left == 0:
                self.done.set_result(time.perf_counter() - self.start)
                self.transport.close()
                return
            self.transport.write(b'p' * 32)

async def main(rounds):
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, '127.0.0.1', 0)
    done = loop.create_future()
    await loop.create_connection(lambda: Client(rounds, done), '127.0.0.1', server.sockets[0].getsockname()[1])
    print(rounds / await done)
    server.close()

asyncio.run(main(int(sys.argv[1])))
"""


def main() -> None:
    rounds = sys.argv[1] if len(sys.argv) > 1 else "20000"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    compare(f"tcp ping-pong, 32 bytes, {rounds} round trips", "rt/s", JS, ASYNCIO_STREAMS, ASYNCIO_PROTOCOLS,
            [rounds], runs)


if __name__ == "__main__":
    main()
