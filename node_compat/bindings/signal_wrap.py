"""Node's `signal_wrap` binding: `Signal` handles that turn OS signals into JS calls.

A signal is caught by Python's C-level handler, which writes its number to a
pipe registered with `signal.set_wakeup_fd`; the loop watches the pipe and,
in the poll phase, calls `onsignal(signum)` on every started handle for that
number, as libuv's signal watcher does. The Python-level handler itself does
nothing (the pipe carries the signal). When the last handle for a signal
stops, the disposition it had before comes back; in `pynode` (see
`default_after_stop`), the default one, as libuv gives: the process then
dies by the signal, even by a SIGPIPE, which Node otherwise ignores.

Signals can only be handled in the main thread; elsewhere `start` fails
with UV_EINVAL.
"""

from __future__ import annotations

import errno
import os
import signal
import threading

from ..loop import EVENT_READ, IOWatcher
from .handle_wrap import HandleWrap
from .native import export_class

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional


def _ignore(_signum: int, _frame: Any) -> None:
    """The Python-level handler: delivery happens through the wakeup pipe."""


class _Dispatcher:
    """Process-wide state: the wakeup pipe, handlers replaced, handles per signal."""

    def __init__(self) -> None:
        self.read_fd: Optional[int] = None
        self.write_fd: Optional[int] = None
        self.previous_wakeup = -1
        self.previous_handlers: dict[int, Any] = {}
        self.handles: dict[int, list["Signal"]] = {}
        self.watchers: dict[Any, list] = {}  # loop -> [IOWatcher, number of started handles]
        self.default_after_stop = False

    def add(self, handle: "Signal", signum: int) -> int:
        if threading.current_thread() is not threading.main_thread():
            return -errno.EINVAL
        if signum not in self.handles:
            try:
                previous = signal.signal(signum, _ignore)
            except (OSError, ValueError):
                return -errno.EINVAL
            self.previous_handlers[signum] = previous
            self.handles[signum] = []
        if self.read_fd is None:
            self._open_pipe()
        self.handles[signum].append(handle)
        entry = self.watchers.get(handle.loop)
        if entry is None:
            watcher = IOWatcher(handle.loop, self.read_fd, lambda _events, loop=handle.loop: self._drain(loop))
            watcher.start(EVENT_READ)
            entry = self.watchers[handle.loop] = [watcher, 0]
        entry[1] += 1
        return 0

    def remove(self, handle: "Signal", signum: int) -> None:
        listeners = self.handles.get(signum)
        if listeners is None or handle not in listeners:
            return
        listeners.remove(handle)
        entry = self.watchers[handle.loop]
        entry[1] -= 1
        if entry[1] == 0:
            entry[0].close()
            del self.watchers[handle.loop]
        if not listeners:
            del self.handles[signum]
            previous = self.previous_handlers.pop(signum)
            signal.signal(signum, signal.SIG_DFL if self.default_after_stop else previous)
        if not self.handles:
            self._close_pipe()

    def _open_pipe(self) -> None:
        self.read_fd, self.write_fd = os.pipe()
        os.set_blocking(self.read_fd, False)
        os.set_blocking(self.write_fd, False)
        self.previous_wakeup = signal.set_wakeup_fd(self.write_fd, warn_on_full_buffer=False)

    def _close_pipe(self) -> None:
        signal.set_wakeup_fd(self.previous_wakeup)
        os.close(self.read_fd)
        os.close(self.write_fd)
        self.read_fd = self.write_fd = None

    def _drain(self, loop: Any) -> None:
        received = b""
        try:
            while self.read_fd is not None:
                chunk = os.read(self.read_fd, 512)
                if not chunk:
                    break
                received += chunk
        except BlockingIOError:
            pass
        for signum in received:
            for handle in list(self.handles.get(signum, ())):
                if handle.loop is loop:
                    handle.deliver(signum)
                else:
                    # Another realm's loop (an embedding with several): it
                    # sees the signal on its next turn.
                    handle.loop.pending.append(lambda h=handle, s=signum: h.deliver(s))


_dispatcher = _Dispatcher()


def default_after_stop() -> None:
    """Give a signal whose last handle stops the default disposition, as libuv
    does (for the `pynode` command; an embedding gets its own handlers back)."""
    _dispatcher.default_after_stop = True


class Signal(HandleWrap):
    PROVIDER = 35  # SIGNALWRAP
    JS_METHODS = HandleWrap.JS_METHODS + ("start", "stop")

    def __init__(self, realm: Any) -> None:
        super().__init__(realm)
        self.signum = 0

    def start(self, signum: Any) -> int:
        if self.closing:
            return -errno.EINVAL
        if not isinstance(signum, int) or signum <= 0 or signum >= signal.NSIG:
            return -errno.EINVAL
        if self.signum == signum:
            return 0
        self.stop()
        err = _dispatcher.add(self, signum)
        if err == 0:
            self.signum = signum
            self.set_active(True)
        return err

    def stop(self) -> int:
        if self.signum:
            _dispatcher.remove(self, self.signum)
            self.signum = 0
            self.set_active(False)
        return 0

    def deliver(self, signum: int) -> None:
        if self.signum == signum and not self.closing:
            self.realm.make_callback(self.js, "onsignal", signum, async_id=self.async_id)

    def release(self) -> None:
        self.stop()


def create(realm: Any) -> dict:
    return {"Signal": export_class(realm, Signal)}
