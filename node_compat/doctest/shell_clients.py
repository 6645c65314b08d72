"""The docs' shell clients (`telnet localhost 8124`, `nc -U /tmp/echo.sock`), played by the runner.

The net docs test their servers with a command a person types and then
talks through. The runner does what that person would do, so that the doc's
server is exercised (connection, greeting, echo, disconnection) rather than
only started: connect as the command would, type one line, wait for the
server's echo (or a quiet moment), end the input as Ctrl-D does, and read
until the server closes. What the client received is the session's
transcript; with the tools themselves missing on most machines, nothing
is run but Python's sockets.
"""

from __future__ import annotations

import shlex
import socket
import time
from dataclasses import dataclass
from typing import Optional, Union

QUIET = 0.5  # seconds without data after which a server that does not echo is taken as done
PATIENCE = 3.0  # the longest wait for the server to close after the input ends


@dataclass(frozen=True)
class ShellClient:
    tool: str  # 'telnet' or 'nc'
    host: str  # for a TCP endpoint ('' for a Unix socket)
    endpoint: Union[int, str]  # a port number, or a Unix socket path

    @property
    def line(self) -> bytes:
        """What the person types: telnet sends CR LF at the end of a line, nc what the terminal gives."""
        return b"hello from telnet\r\n" if self.tool == "telnet" else b"hello from nc\n"


def parse(code: str) -> Optional[ShellClient]:
    """The client a shell block runs, if it is one command the runner can play: telnet or nc."""
    lines = [line.strip() for line in code.strip().split("\n") if line.strip() and not line.lstrip().startswith("#")]
    if len(lines) != 1:
        return None
    try:
        words = shlex.split(lines[0].removeprefix("$ "))
    except ValueError:
        return None
    if len(words) == 3 and words[0] == "telnet" and words[2].isdigit():
        return ShellClient("telnet", words[1], int(words[2]))
    if words[:1] == ["nc"]:
        options = [w for w in words[1:] if w.startswith("-")]
        operands = [w for w in words[1:] if not w.startswith("-")]
        if options == ["-U"] and len(operands) == 1:
            return ShellClient("nc", "", operands[0])
        if not options and len(operands) == 2 and operands[1].isdigit():
            return ShellClient("nc", operands[0], int(operands[1]))
    return None


def _connect(client: ShellClient) -> socket.socket:
    """Connect as the tool does: a Unix socket, or each address of the host name in turn."""
    if isinstance(client.endpoint, str):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(client.endpoint)
        except OSError:
            sock.close()
            raise
        return sock
    return socket.create_connection((client.host, client.endpoint), timeout=PATIENCE)


def session(client: ShellClient) -> str:
    """Talk to the server as the doc's reader would; the transcript of what came back."""
    try:
        sock = _connect(client)
    except OSError as exc:
        return f"[{client.tool}] could not connect: {exc.strerror or exc}\n"
    received = b""
    try:
        sock.settimeout(QUIET)
        sock.sendall(client.line)
        # Until the line comes back (an echo server) or the server goes quiet.
        while not received.endswith(client.line):
            try:
                data = sock.recv(65536)
            except socket.timeout:
                break
            if not data:
                break
            received += data
        # Ctrl-D: the input ends; the server may answer and then closes.
        sock.shutdown(socket.SHUT_WR)
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            try:
                data = sock.recv(65536)
            except socket.timeout:
                continue
            if not data:
                break
            received += data
        else:
            return f"[{client.tool}] received {received!r}; the server did not close\n"
    except OSError as exc:
        return f"[{client.tool}] received {received!r}; then {exc.strerror or exc}\n"
    finally:
        sock.close()
    return f"[{client.tool}] received {received!r}, then the server closed\n"
