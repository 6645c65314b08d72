"""Node networking driven from Python: the new-user scenario of the embedding API, with real sockets."""

from __future__ import annotations

import asyncio
import os
import socket
import threading

from node_compat import Runtime


def test_dgram_message_listener_in_python_then_clean_close():
    before_fds = set(os.listdir("/proc/self/fd"))
    before_threads = threading.active_count()
    rt = Runtime()
    received = []
    sock = rt.require("node:dgram").createSocket("udp4")
    sock.on("message", lambda msg, rinfo: received.append((msg, rinfo.address, rinfo.size)))
    sock.bind(0, "127.0.0.1")
    rt.run_until_complete(rt.require("node:events").once(sock, "listening"))
    port = sock.address().port
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        client.sendto(b"\x00binary\xffpayload", ("127.0.0.1", port))
        while not received:
            rt.step()
    assert received == [(b"\x00binary\xffpayload", "127.0.0.1", 15)]
    sock.close()
    rt.run_until_complete()
    rt.close()
    assert set(os.listdir("/proc/self/fd")) == before_fds
    assert threading.active_count() == before_threads


def test_tcp_server_in_js_client_in_asyncio():
    async def main():
        with Runtime() as rt:
            server = rt.require("node:net").createServer(lambda conn: conn.pipe(conn))
            server.listen(0, "127.0.0.1")
            await rt.require("node:events").once(server, "listening")
            reader, writer = await asyncio.open_connection("127.0.0.1", server.address().port)
            writer.write(b"echo me")
            await writer.drain()
            data = await reader.readexactly(7)
            writer.close()
            await writer.wait_closed()
            server.close()
            return data

    assert asyncio.run(main()) == b"echo me"


def test_greenlet_client_reads_like_synchronous_code():
    rt = Runtime()
    net = rt.require("node:net")
    events = rt.require("node:events")
    server = net.createServer(lambda conn: conn.end(b"hello from js\n"))
    server.listen(0, "127.0.0.1")
    rt.run_until_complete(events.once(server, "listening"))
    port = server.address().port

    def client():
        conn = net.connect(port, "127.0.0.1")
        rt.wait(events.once(conn, "connect"))
        data = rt.wait(events.once(conn, "data"))[0]
        server.close()
        return data

    task = rt.spawn(client)
    rt.run_until_complete()
    assert task.result() == b"hello from js\n"
    rt.close()


def test_loop_can_run_in_another_thread():
    rt = Runtime()
    server = rt.require("node:dgram").createSocket("udp4")
    server.on("message", lambda msg, rinfo: server.send(msg[::-1], rinfo.port, rinfo.address))
    server.bind(0, "127.0.0.1")
    rt.run_until_complete(rt.require("node:events").once(server, "listening"))
    port = server.address().port
    worker = threading.Thread(target=rt.run_forever)
    worker.start()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        client.settimeout(5)
        client.sendto(b"abc", ("127.0.0.1", port))
        assert client.recvfrom(16)[0] == b"cba"
    rt.stop()
    worker.join()
    server.close()
    rt.close()


def test_fork_from_python_talks_to_a_pynode_child(tmp_path):
    # process.execPath is a pynode launcher, so a Runtime can fork() too.
    child_js = tmp_path / "child.js"
    child_js.write_text("process.on('message', (m) => { process.send({ got: m }); process.disconnect(); });\n")
    with Runtime() as rt:
        events = []
        child = rt.require("node:child_process").fork(str(child_js))
        child.on("message", lambda message, *_: events.append(("message", message.got.hello)))
        child.on("exit", lambda code, signal: events.append(("exit", code, signal)))
        child.send({"hello": "from python"})
        rt.run_until_complete(timeout=30)
        assert events == [("message", "from python"), ("exit", 0, None)]
        assert os.access(rt.eval("process.execPath"), os.X_OK)
