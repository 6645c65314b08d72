"""TCP bulk transfer: 512 MiB in 64 KiB writes over one loopback connection.

The client writes as fast as backpressure allows ('drain'); the server
counts bytes: MiB per second, from the first write to the server's 'end'.
Node does about 1,050 MiB/s here.
Usage: python bench/tcp_bulk.py [mebibytes] [runs]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tcp_common import compare  # noqa: E402

JS = r"""
const net = require('node:net');
const total = +process.argv[2] * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 'x');
let start;
const server = net.createServer((socket) => {
  let received = 0;
  socket.on('data', (data) => { received += data.length; });
  socket.on('end', () => {
    if (received !== total) throw new Error(`received ${received} of ${total}`);
    console.log(received / 1048576 / (Number(process.hrtime.bigint() - start) / 1e9));
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => {
    start = process.hrtime.bigint();
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!client.write(chunk)) return;
      }
      client.end();
    };
    client.on('drain', pump);
    pump();
  });
});
"""

ASYNCIO_STREAMS = r"""
import asyncio, sys, time

async def main(total):
    done = asyncio.get_running_loop().create_future()
    async def sink(reader, writer):
        received = 0
        while data := await reader.read(65536):
            received += len(data)
        done.set_result(received)
        writer.close()
    server = await asyncio.start_server(sink, '127.0.0.1', 0)
    reader, writer = await asyncio.open_connection('127.0.0.1', server.sockets[0].getsockname()[1])
    chunk = b'x' * 65536
    start = time.perf_counter()
    for _ in range(total // len(chunk)):
        writer.write(chunk)
        await writer.drain()
    writer.close()
    received = await done
    assert received == total
    print(received / 1048576 / (time.perf_counter() - start))
    server.close()

asyncio.run(main(int(sys.argv[1]) * 1024 * 1024))
"""

ASYNCIO_PROTOCOLS = r"""
import asyncio, sys, time

class Sink(asyncio.Protocol):
    def __init__(self, done):
        self.received, self.done = 0, done
    def data_received(self, data):
        self.received += len(data)
    def eof_received(self):
        self.done.set_result(self.received)

class Source(asyncio.Protocol):
    def __init__(self, total):
        self.left = total // 65536
        self.chunk = b'x' * 65536
    def connection_made(self, transport):
        self.transport = transport
        self.start = time.perf_counter()
        self.pump()
    def pump(self):
        while self.left:
            self.left -= 1
            self.transport.write(self.chunk)
            if self.transport.get_write_buffer_size() > 65536:
                return
        self.transport.write_eof()
    def resume_writing(self):
        self.pump()
    def pause_writing(self):
        pass

async def main(total):
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    server = await loop.create_server(lambda: Sink(done), '127.0.0.1', 0)
    source = Source(total)
    transport, _ = await loop.create_connection(lambda: source, '127.0.0.1', server.sockets[0].getsockname()[1])
    received = await done
    assert received == total
    print(received / 1048576 / (time.perf_counter() - source.start))
    transport.close()
    server.close()

asyncio.run(main(int(sys.argv[1]) * 1024 * 1024))
"""


def main() -> None:
    mebibytes = sys.argv[1] if len(sys.argv) > 1 else "512"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    compare(f"tcp bulk transfer, {mebibytes} MiB in 64 KiB writes", "MiB/s", JS, ASYNCIO_STREAMS,
            ASYNCIO_PROTOCOLS, [mebibytes], runs)


if __name__ == "__main__":
    main()
