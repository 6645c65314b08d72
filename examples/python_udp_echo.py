"""A UDP echo server written with node:dgram, talked to from Python's own socket module.

The JavaScript event loop runs in a background thread (`run_forever`) while
the main thread sends datagrams and waits for the replies.
Run: python examples/python_udp_echo.py
"""

import socket
import threading

from node_compat import Runtime


def main() -> None:
    with Runtime() as rt:
        dgram = rt.require("node:dgram")
        once = rt.require("node:events").once
        server = dgram.createSocket("udp4")
        # A Python function as the 'message' listener: msg arrives as bytes, rinfo as a JS object.
        server.on("message", lambda msg, rinfo: server.send(msg.upper(), rinfo.port, rinfo.address))
        server.bind(0, "127.0.0.1")
        rt.run_until_complete(once(server, "listening"))
        port = server.address().port

        loop_thread = threading.Thread(target=rt.run_forever)
        loop_thread.start()
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
            client.settimeout(5)
            for word in (b"hello", b"from", b"python"):
                client.sendto(word, ("127.0.0.1", port))
                reply, _ = client.recvfrom(100)
                print(word.decode(), "->", reply.decode())
        rt.stop()
        loop_thread.join()
        server.close()


if __name__ == "__main__":
    main()
