"""Node's `pipe_wrap` binding: the `Pipe` handle (Unix domain sockets and pipe ends).

A `Pipe` is a Unix domain stream socket, bound and listened on or connected
to by path (a name starting with NUL is in the abstract namespace and leaves
no file), or any descriptor opened with `open(fd)`, such as the end of an
`os.pipe()` a child process's stdio uses. A server's socket file is removed
when the server closes, as libuv does.
"""

from __future__ import annotations

import errno
import os
import socket
import stat

from jsbridge import as_text

from . import uv
from .native import export_class
from .stream_wrap import StreamBase, as_int

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional

SOCKET, SERVER, IPC = 0, 1, 2
UV_READABLE, UV_WRITABLE = 1, 2

UV_EINVAL = -errno.EINVAL
UV_EBADF = -errno.EBADF


class Pipe(StreamBase):
    """A Unix domain socket (connection or server) or a pipe descriptor."""

    JS_METHODS = StreamBase.JS_METHODS + (
        "open", "bind", "listen", "connect", "fchmod", "setPendingInstances",
    )

    _path: Optional[str] = None  # a bound socket file, removed on close

    def __init__(self, realm: Any, _kind: Any = SOCKET) -> None:
        """`new Pipe(type)` from JS; for an accepted connection, StreamBase._accept makes it."""
        super().__init__(realm)

    def _ensure_socket(self) -> int:
        if self.sock is not None or self._fd >= 0:
            return 0
        if self.closing:
            return UV_EBADF
        try:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        except OSError as exc:
            return uv.code_of(exc)
        self.attach_socket(sock)
        return 0

    def open(self, fd: Any) -> int:
        """Adopt a descriptor: a socket is used as one, anything else through read/write."""
        fd = as_int(fd)
        if self.sock is not None or self._fd >= 0 or self.loop.selector.watches(fd):
            return -errno.EEXIST
        try:
            mode = os.fstat(fd).st_mode
        except OSError as exc:
            return uv.code_of(exc)
        try:
            if stat.S_ISSOCK(mode):
                self.attach_socket(socket.socket(fileno=fd))
            else:
                self.attach_fd(fd)
        except OSError as exc:
            return uv.code_of(exc)
        self.readable = self.writable = True
        return 0

    def setPendingInstances(self, _count: Any) -> None:
        """A Windows-only knob."""

    # -- server --------------------------------------------------------------------

    def bind(self, name: Any) -> int:
        path = as_text(name)
        err = self._ensure_socket()
        if err:
            return err
        try:
            self.sock.bind(path)
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                return -errno.EACCES  # libuv reports a missing directory as Windows does
            return uv.code_of(exc)
        if not path.startswith("\0"):
            self._path = path
        return 0

    def listen(self, backlog: Any) -> int:
        if self.sock is None:
            return UV_EINVAL
        return self.start_listening(backlog)

    def fchmod(self, mode: Any) -> int:
        """Let group and others read and/or write the socket file (`readableAll`/`writableAll`)."""
        mode = int(mode) if isinstance(mode, (int, float)) else 0
        if not mode or mode & ~(UV_READABLE | UV_WRITABLE):
            return UV_EINVAL
        if self._path is None:
            return UV_EBADF if self.sock is None else UV_EINVAL
        extra = 0
        if mode & UV_READABLE:
            extra |= stat.S_IRGRP | stat.S_IROTH
        if mode & UV_WRITABLE:
            extra |= stat.S_IWGRP | stat.S_IWOTH
        try:
            os.chmod(self._path, stat.S_IMODE(os.stat(self._path).st_mode) | extra)
        except OSError as exc:
            return uv.code_of(exc)
        return 0

    # -- connect -----------------------------------------------------------------------

    def connect(self, req: Any, name: Any) -> int:
        err = self._ensure_socket()
        if err:
            return err
        return self.start_connect(req, as_text(name))

    def connect_error_is_delayed(self, err: int) -> bool:
        return True  # libuv reports every failure to connect a pipe through the request

    def release(self) -> None:
        StreamBase.release(self)
        if self._path is not None:
            try:
                os.unlink(self._path)
            except OSError:
                pass  # already gone: someone else removed it
            self._path = None


def create(realm: Any) -> dict:
    return {
        "Pipe": export_class(realm, Pipe),
        "PipeConnectWrap": export_class(realm, None, "PipeConnectWrap"),
        "constants": {
            "SOCKET": SOCKET,
            "SERVER": SERVER,
            "IPC": IPC,
            "UV_READABLE": UV_READABLE,
            "UV_WRITABLE": UV_WRITABLE,
        },
    }
