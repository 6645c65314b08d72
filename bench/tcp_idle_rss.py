"""Memory: resident set size with 1,000 idle open TCP connections.

One process opens 1,000 connections to its own server (2,000 sockets) and
leaves them idle; it prints its RSS in MiB once all are connected. Lower is
better. (The runtimes' own baselines differ: pynode starts near 17 MiB,
Node near 41 MiB, Python near 10 MiB.)
Usage: python bench/tcp_idle_rss.py [connections] [runs]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tcp_common import compare  # noqa: E402

JS = r"""
const net = require('node:net');
const count = +process.argv[2];
const sockets = [];
const server = net.createServer((socket) => sockets.push(socket));
server.listen(0, '127.0.0.1', () => {
  let connected = 0;
  for (let i = 0; i < count; i++) {
    const client = net.connect(server.address().port, '127.0.0.1', () => {
      if (++connected === count) {
        setTimeout(() => {
          console.log(process.memoryUsage().rss / 1048576);
          for (const s of sockets) s.destroy();
          server.close();
          process.exit(0);
        }, 200);
      }
    });
    sockets.push(client);
  }
});
"""

ASYNCIO_STREAMS = r"""
import asyncio, resource, sys

def rss_mib():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1048576

async def main(count):
    accepted = []
    async def handle(reader, writer):
        accepted.append((reader, writer))
        await asyncio.Event().wait()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    clients = [await asyncio.open_connection('127.0.0.1', port) for _ in range(count)]
    while len(accepted) < count:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.2)
    print(rss_mib())
    for _, writer in clients:
        writer.close()
    server.close()

asyncio.run(main(int(sys.argv[1])))
"""

ASYNCIO_PROTOCOLS = r"""
import asyncio, resource, sys

def rss_mib():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1048576

class Idle(asyncio.Protocol):
    pass

async def main(count):
    loop = asyncio.get_running_loop()
    accepted = []
    server = await loop.create_server(lambda: accepted.append(Idle()) or accepted[-1], '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    clients = [await loop.create_connection(Idle, '127.0.0.1', port) for _ in range(count)]
    while len(accepted) < count:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.2)
    print(rss_mib())
    for transport, _ in clients:
        transport.close()
    server.close()

asyncio.run(main(int(sys.argv[1])))
"""


def main() -> None:
    count = sys.argv[1] if len(sys.argv) > 1 else "1000"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    compare(f"RSS with {count} idle connections (client and server ends in one process)", "MiB", JS,
            ASYNCIO_STREAMS, ASYNCIO_PROTOCOLS, [count], runs, higher_is_better=False)


if __name__ == "__main__":
    main()
