"""An asyncio application whose TCP server is written with node:net in JavaScript.

asyncio drives the JavaScript event loop (`run_async`), Python clients connect
with asyncio streams, and a Python `async def` is handed to JavaScript, where
it becomes a promise-returning function.
Run: python examples/asyncio_tcp_server.py
"""

import asyncio

from node_compat import Runtime

SERVER = """
const net = require('node:net');
const server = net.createServer((socket) => {
  socket.setEncoding('utf8');
  socket.on('data', async (line) => {
    socket.write(await shout(line));
  });
});
server.listen(0, '127.0.0.1', () => {
  reportPort(server.address().port);
});
globalThis.server = server;
"""


async def main() -> None:
    rt = Runtime()
    port = asyncio.get_running_loop().create_future()

    async def shout(text: str) -> str:
        await asyncio.sleep(0.01)  # any asyncio work
        return text.upper()

    rt.globals["shout"] = shout
    rt.globals["reportPort"] = port.set_result
    program = asyncio.create_task(rt.run_async(source=SERVER, module=False))

    reader, writer = await asyncio.open_connection("127.0.0.1", await port)
    for word in ("hello\n", "asyncio\n"):
        writer.write(word.encode())
        await writer.drain()
        print(word.strip(), "->", (await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()

    rt.eval("server.close()")
    print("exit code", await program)
    rt.close()


if __name__ == "__main__":
    asyncio.run(main())
