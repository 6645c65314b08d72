"""Node's `spawn_sync` binding: run a child to completion (spawnSync, execSync, execFileSync).

The calling thread blocks, as in Node: the child's input is written and its
output collected through socketpairs multiplexed with one selector, with
the `timeout` and `maxBuffer` limits enforced by killing the child with
`killSignal` (reported as ETIMEDOUT / ENOBUFS). Like libuv's spawn_sync, the
call returns once the child has exited and its pipes are closed.
"""

from __future__ import annotations

import errno
import math
import selectors
import signal
import socket
import subprocess
import time

from jsbridge import JSValue, Undefined

from .process_wrap import exit_status, js_list, launch, launch_error, parse_spec

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional

_CHUNK = 65536


class _Pipe:
    """The parent's end of one stdio socketpair."""

    def __init__(self, index: int, sock: socket.socket, child_reads: bool, child_writes: bool,
                 data: Optional[bytes]) -> None:
        self.index = index
        self.sock = sock
        self.child_reads = child_reads
        self.child_writes = child_writes
        self.data = memoryview(data) if data else None
        self.chunks: list[bytes] = []
        self.total = 0


def _input_bytes(value: Any) -> Optional[bytes]:
    if value is Undefined or value is None:
        return None
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, JSValue):
        return value.to_bytes()
    return None


def _number(value: Any, default: float) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default


class _Runner:
    def __init__(self, popen: subprocess.Popen, pipes: list, timeout_ms: float, max_buffer: float,
                 kill_signal: int) -> None:
        self.popen = popen
        self.pipes = pipes
        self.deadline = time.monotonic() + timeout_ms / 1000 if timeout_ms > 0 else None
        self.max_buffer = max_buffer
        self.kill_signal = kill_signal
        self.error = 0

    def _kill(self, error: int) -> None:
        self.error = error
        try:
            self.popen.send_signal(self.kill_signal)
        except OSError:
            pass  # it has exited already

    def _remaining(self) -> Optional[float]:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def run(self) -> None:
        sel = selectors.DefaultSelector()
        try:
            for pipe in self.pipes:
                pipe.sock.setblocking(False)
                events = 0
                if pipe.child_reads:
                    if pipe.data:
                        events |= selectors.EVENT_WRITE
                    else:
                        pipe.sock.shutdown(socket.SHUT_WR)
                if pipe.child_writes:
                    events |= selectors.EVENT_READ
                if events:
                    sel.register(pipe.sock, events, pipe)
            while sel.get_map() and not self.error:
                remaining = self._remaining()
                if remaining is not None and remaining <= 0:
                    self._kill(-errno.ETIMEDOUT)
                    break
                for key, mask in sel.select(remaining):
                    self._transfer(sel, key.data, mask)
                    if self.error:
                        break
        finally:
            sel.close()
            for pipe in self.pipes:
                pipe.sock.close()
        self._wait()

    def _transfer(self, sel: selectors.BaseSelector, pipe: _Pipe, mask: int) -> None:
        if mask & selectors.EVENT_WRITE and pipe.data is not None:
            try:
                sent = pipe.sock.send(pipe.data[:_CHUNK])
            except BlockingIOError:
                sent = 0
            except OSError:
                sent, pipe.data = 0, None  # the child stopped reading (EPIPE): drop the rest
            if pipe.data is not None:
                pipe.data = pipe.data[sent:]
            if not pipe.data:
                pipe.data = None
                self._stop(sel, pipe, selectors.EVENT_WRITE)
                try:
                    pipe.sock.shutdown(socket.SHUT_WR)
                except OSError:
                    pass  # the child's end is already gone
        if mask & selectors.EVENT_READ:
            try:
                chunk = pipe.sock.recv(_CHUNK)
            except BlockingIOError:
                return
            except OSError:
                chunk = b""
            if not chunk:
                self._stop(sel, pipe, selectors.EVENT_READ)
                return
            pipe.chunks.append(chunk)
            pipe.total += len(chunk)
            if pipe.total > self.max_buffer:
                self._kill(-errno.ENOBUFS)

    @staticmethod
    def _stop(sel: selectors.BaseSelector, pipe: _Pipe, event: int) -> None:
        left = sel.get_key(pipe.sock).events & ~event
        if left:
            sel.modify(pipe.sock, left, pipe)
        else:
            sel.unregister(pipe.sock)

    def _wait(self) -> None:
        remaining = self._remaining()
        if self.error or remaining is None:
            self.popen.wait()
            return
        try:
            self.popen.wait(max(0.0, remaining))
        except subprocess.TimeoutExpired:
            self._kill(-errno.ETIMEDOUT)
            self.popen.wait()


def spawn(options: JSValue) -> dict:
    spec = parse_spec(options)
    pipes: list[_Pipe] = []
    child_ends: list[socket.socket] = []
    for index, entry in enumerate(js_list(options["stdio"])):
        kind = entry["type"]
        if kind == "pipe":
            parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
            child_ends.append(child)
            spec.child_fds.append(child.fileno())
            pipes.append(_Pipe(index, parent, entry["readable"] is True, entry["writable"] is True,
                               _input_bytes(entry["input"])))
        elif kind in ("inherit", "fd"):
            spec.child_fds.append(int(entry["fd"]))
        else:  # 'ignore'
            spec.child_fds.append(None)
    try:
        popen = launch(spec)
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        for pipe in pipes:
            pipe.sock.close()
        return {"error": launch_error(exc), "pid": 0, "status": None, "signal": 0, "output": None}
    finally:
        for child in child_ends:
            child.close()

    kill_signal = options["killSignal"]
    runner = _Runner(
        popen,
        pipes,
        _number(options["timeout"], 0),
        _number(options["maxBuffer"], math.inf),
        int(kill_signal) if isinstance(kill_signal, int) else int(signal.SIGTERM),
    )
    runner.run()
    output: list = [None] * len(js_list(options["stdio"]))
    for pipe in pipes:
        if pipe.child_writes:
            output[pipe.index] = b"".join(pipe.chunks)
    status, term_signal = exit_status(popen.returncode)
    return {
        "error": runner.error,
        "pid": popen.pid,
        "status": None if term_signal else status,
        "signal": term_signal,
        "output": output,
    }


def create(realm: Any) -> dict:
    return {"spawn": spawn}
