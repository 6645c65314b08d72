"""Node's `pipe_wrap` binding: the `Pipe` handle (Unix domain sockets and pipe ends).

A `Pipe` is a Unix domain stream socket, bound and listened on or connected
to by path (a name starting with NUL is in the abstract namespace and leaves
no file), or any descriptor opened with `open(fd)`, such as the end of an
`os.pipe()` a child process's stdio uses. A server's socket file is removed
when the server closes, as libuv does (and so at a natural exit, which
closes every handle), and stays after process.exit().

`new Pipe(IPC)` is the end of a parent/child IPC channel: a write may carry
a handle's descriptor (SCM_RIGHTS, with the write's first byte, as libuv's
uv_write2 sends it), and descriptors that arrive with a read are given to
JS as the pipe's `pendingFds` just before its `onread`.
"""

from __future__ import annotations

import array
import ctypes
import errno
import os
import socket
import stat
import struct
from collections import deque

from jsbridge import Undefined, as_text

from . import uv
from .native import export_class
from .async_wrap import K_ASYNC_ID_COUNTER
from .stream_wrap import StreamBase, as_int, encode_string, fd_exists, to_int32

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional

SOCKET, SERVER, IPC = 0, 1, 2
UV_READABLE, UV_WRITABLE = 1, 2

UV_EINVAL = -errno.EINVAL
UV_EBADF = -errno.EBADF
UV_EALREADY = -errno.EALREADY

# Linux's sockaddr_un: the family, then 108 bytes of path, which a path may
# fill entirely (no NUL needed). Python's socket methods insist on room for
# a NUL, so names are bound and connected to through libc, as libuv does.
_SUN_PATH_SIZE = 108
_SOCKADDR_UN = struct.Struct(f"=H{_SUN_PATH_SIZE}s")
_PATH_OFFSET = 2  # offsetof(struct sockaddr_un, sun_path)
_libc = ctypes.CDLL(None, use_errno=True)
_bind = _libc.bind
_connect = _libc.connect
for _fn in (_bind, _connect):
    _fn.restype = ctypes.c_int
    _fn.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)


def socket_address(name: Any) -> Optional[tuple[bytes, bytes]]:
    """(path, sockaddr_un) for a pipe name as libuv takes it, or None when it rejects it (EINVAL).

    The name is UTF-8, a lone surrogate as U+FFFD (Node's conversion). A
    NUL is refused inside a name (past the first byte, which makes a name
    abstract) and so is a name longer than sun_path: Node asks libuv not to
    truncate. A path is passed with the whole structure's length, an
    abstract name with exactly its own.
    """
    path = encode_string(as_text(name), "utf8")
    if len(path) > _SUN_PATH_SIZE or b"\0" in path[1:]:
        return None
    address = _SOCKADDR_UN.pack(socket.AF_UNIX, path)
    if path[:1] == b"\0":
        address = address[:_PATH_OFFSET + len(path)]
    return path, address


def _call(fn: Any, fd: int, address: bytes) -> int:
    """bind(2) or connect(2) on `fd`, retried when a signal interrupts it: 0 or the errno."""
    while fn(fd, address, len(address)) < 0:
        err = ctypes.get_errno()
        if err != errno.EINTR:
            return err
    return 0


class Pipe(StreamBase):
    """A Unix domain socket (connection or server) or a pipe descriptor."""

    JS_METHODS = StreamBase.JS_METHODS + (
        "bind", "listen", "connect", "open", "fchmod",
    )

    PROVIDER = 24  # PIPEWRAP (a server's: PIPESERVERWRAP)
    _path: Optional[bytes] = None  # a bound socket file, removed on close

    def __new__(cls, realm: Any, kind: Any = SOCKET) -> Any:
        return object.__new__(IpcPipe if kind == IPC and cls is Pipe else cls)

    def __init__(self, realm: Any, _kind: Any = SOCKET) -> None:
        """`new Pipe(type)` from JS; for an accepted connection, StreamBase._accept makes it."""
        super().__init__(realm)
        if _kind == SERVER:
            self.PROVIDER = 23  # PIPESERVERWRAP

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
        if self.sock is not None or self._fd >= 0 or fd_exists(self.loop, fd):
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

    # -- server --------------------------------------------------------------------

    def bind(self, name: Any) -> int:
        named = socket_address(name)
        if named is None or self.closing:
            return UV_EINVAL
        err = self._ensure_socket()
        if err:
            return err
        path, address = named
        err = _call(_bind, self._fd, address)
        if err:
            if err == errno.ENOENT:
                return -errno.EACCES  # libuv reports a missing directory as Windows does
            return -err
        if path[:1] != b"\0":
            self._path = path
        return 0

    def listen(self, backlog: Any) -> int:
        backlog = to_int32(self.realm, backlog)
        if self.closing or self.sock is None:
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
        # The request's async id, as Node's ConnectWrap takes one (new_async_id, inline).
        ids = self.realm.async_ids
        ids[K_ASYNC_ID_COUNTER] = async_id = ids[K_ASYNC_ID_COUNTER] + 1
        if self._connect_req is not None:
            return UV_EALREADY
        named = socket_address(name)
        if named is None or not named[0]:
            return UV_EINVAL
        err = self._ensure_socket()
        if err:
            return err
        return self.connect_begun(req, async_id, _call(_connect, self._fd, named[1]))

    def connect_error_is_delayed(self, err: int) -> bool:
        return True  # libuv reports every failure to connect a pipe through the request

    def force_close(self) -> None:
        """The realm is going away. Node's process.exit() (and so a fatal
        error) ends the process without closing handles, which leaves the
        socket file; when the loop ran out of work, Node's cleanup closes
        them, which removes it. A stopped loop is the former."""
        if self.loop.stop_flag:
            self._path = None
        StreamBase.force_close(self)

    def release(self) -> None:
        StreamBase.release(self)
        if self._path is not None:
            try:
                os.unlink(self._path)
            except OSError:
                pass  # already gone: someone else removed it
            self._path = None


# Room for the descriptors one read may bring (libuv takes up to 64 too).
_FDS_PER_READ = 64
_ANCILLARY_SIZE = socket.CMSG_SPACE(_FDS_PER_READ * array.array("i").itemsize)
_RECV_FLAGS = getattr(socket, "MSG_CMSG_CLOEXEC", 0)


class _ChannelIO:
    """The socket of an IPC pipe as a stream's `_channel`: reads keep the descriptors that
    come with them; a descriptor to send goes with the byte that starts its message."""

    __slots__ = ("pipe", "sock", "sent", "outgoing")

    def __init__(self, pipe: "IpcPipe", sock: socket.SocketType) -> None:
        self.pipe = pipe
        self.sock = sock
        self.sent = 0  # bytes sent so far
        self.outgoing: deque = deque()  # (stream offset of the message, descriptor) to send

    def recv_into(self, view: memoryview) -> int:
        nread, ancillary, _flags, _addr = self.sock.recvmsg_into([view], _ANCILLARY_SIZE, _RECV_FLAGS)
        fds = []
        for level, kind, data in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                received = array.array("i")
                received.frombytes(data[:len(data) - len(data) % received.itemsize])
                fds.extend(received)
        if fds:
            self.pipe.js["pendingFds"] = fds
        return nread

    def send(self, data: Any) -> int:
        outgoing = self.outgoing
        if not outgoing:
            sent = self.sock.send(data)
        else:
            at, fd = outgoing[0]
            if at > self.sent:
                # Up to the next message with a descriptor, which goes with its own first byte.
                sent = self.sock.send(memoryview(data)[:at - self.sent])
            else:
                rights = [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", (fd,)))]
                sent = self.sock.sendmsg([data], rights)
                outgoing.popleft()
        self.sent += sent
        return sent


class IpcPipe(Pipe):
    """`new Pipe(IPC)`: a channel end that passes descriptors along with messages."""

    __slots__ = ()

    def attach_socket(self, sock: socket.SocketType) -> None:
        Pipe.attach_socket(self, sock)
        self._channel = _ChannelIO(self, sock)

    def write_with_handle(self, write: Any, req: Any, data: Any, send_handle: Any) -> int:
        fd = getattr(send_handle, "fd", None)
        if not isinstance(fd, int) or fd < 0 or self._channel is None:
            return UV_EBADF
        outgoing = self._channel.outgoing
        outgoing.append((self.bytesWritten, fd))
        err = write(self, req, data)
        if err and outgoing and outgoing[-1] == (self.bytesWritten, fd):
            outgoing.pop()  # never dispatched
        return err


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
