"""Node's StreamBase over a non-blocking file descriptor: the part TCP, Pipe and TTY share.

`StreamBase` is what libuv's `uv_stream_t` plus Node's `LibuvStreamWrap` are
to a TCP or pipe handle: reading into one reusable buffer and delivering
`onread(nread, arrayBuffer)` (end of stream as `UV_EOF`, errors as negative
codes), writes that try the descriptor at once and queue the rest for the
loop's writability watcher, and shutdown after the queue drains.

A stream is also what a server listens with (`onconnection(status,
clientHandle)` for each accepted connection, the client handle an instance
of the server handle's class) and what a connect request completes on
(`req.oncomplete(status, handle, req, readable, writable)`).

Write methods report through the shared `streamBaseState` array as Node's do:
`kBytesWritten` is the size of the write, `kLastWriteWasAsync` is 1 when part
of it was queued, in which case `req.oncomplete(status)` follows; a write that
went out entirely completes synchronously and calls nothing.
"""

from __future__ import annotations

import codecs
import ctypes
import errno
import os
import socket
from collections import deque

from jsbridge import JSValue, Undefined, as_text

from . import uv
from .async_wrap import K_ASYNC_ID_COUNTER
from .handle_wrap import HandleWrap
from .native import export_class
from ..loop import EVENT_HUP, EVENT_READ, EVENT_WRITE, grow_watchers

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional

# Fields of `streamBaseState`, the results of the last write call.
K_BYTES_WRITTEN = 0
K_LAST_WRITE_WAS_ASYNC = 1
K_NUM_FIELDS = 2

UV_EOF = uv.UV_EOF
UV_ENOBUFS = -errno.ENOBUFS
UV_EBADF = -errno.EBADF
UV_EPIPE = -errno.EPIPE
UV_ENOTCONN = -errno.ENOTCONN
UV_ECANCELED = -errno.ECANCELED
UV_EINVAL = -errno.EINVAL
UV_EALREADY = -errno.EALREADY

READ_SIZE = 65536  # libuv's suggested size for stream reads
READS_PER_TURN = 32  # reads of one stream per readiness event, as libuv caps them
ACCEPTS_PER_TURN = 128  # connections accepted per readiness event, so one server cannot starve the loop
# The loops over those, made once (a range() per event cost ~500 instructions).
_READ_TURNS = range(READS_PER_TURN)
_ACCEPT_TURNS = range(ACCEPTS_PER_TURN)
# (Called as they are: no Python frame between a stream and its descriptor.)
_fd_read = os.read
_fd_write = os.write
_SHUT_WR = socket.SHUT_WR
_NONBLOCK = getattr(socket, "SOCK_NONBLOCK", 0)
_ACCEPT4_FLAGS = _NONBLOCK | getattr(socket, "SOCK_CLOEXEC", 0)
_ACCEPT_LATER = (errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR)
_OUT_OF_DESCRIPTORS = (errno.EMFILE, errno.ENFILE)
_O_RESERVE = os.O_RDONLY | os.O_CLOEXEC


def _libc_accept4() -> Any:
    """libc's accept4, where it exists: accepts a connection already non-blocking."""
    if not _NONBLOCK:
        return None
    # PyDLL: the call keeps the GIL, which a non-blocking accept4 needs not
    # release. No argtypes: ctypes passes ints as C ints and None as NULL
    # itself, cheaper than through argument converters.
    try:
        accept4 = ctypes.PyDLL(None, use_errno=True).accept4
    except (OSError, AttributeError):
        return None
    accept4.restype = ctypes.c_int
    return accept4


_accept4 = _libc_accept4()


# libc's listen: socket.listen() turns a negative backlog into 0, where
# the kernel (as Node passes it) reads it as unsigned, the largest queue.
_listen = ctypes.CDLL(None, use_errno=True).listen
_listen.restype = ctypes.c_int
_listen.argtypes = (ctypes.c_int, ctypes.c_int)


def _unpaired_surrogate(exc: UnicodeError) -> tuple[bytes, int]:
    return b"\xef\xbf\xbd" * (exc.end - exc.start), exc.end


# JS strings may hold lone surrogates; Node encodes each as U+FFFD.
codecs.register_error("pynode.lone_surrogate", _unpaired_surrogate)


def as_int(value: Any) -> int:
    """A JS number argument as the C++ bindings read it (anything else is 0)."""
    return int(value) if isinstance(value, (int, float)) and value == value else 0


_INFINITY = float("inf")


def wrap_int32(number: Any) -> int:
    """A number as ECMAScript's ToInt32 makes it: truncated, modulo 2**32, signed."""
    if type(number) is float:
        if number != number or number in (_INFINITY, -_INFINITY):
            return 0
        number = int(number)
    number &= 0xFFFFFFFF
    return number - 0x100000000 if number & 0x80000000 else number


def to_int32(realm: Any, value: Any) -> int:
    """An argument as V8's Int32Value reads it: any value through ToNumber, then ToInt32.

    What is not a number is converted by the engine itself (a string's
    number syntax, an object's valueOf). net converts the backlog before
    the call, so that what cannot be converted throws from its own line.
    """
    if type(value) is not int and type(value) is not float:
        value = realm_state(realm).to_number(value)
    return wrap_int32(value)


def encode_string(text: str, encoding: str) -> bytes:
    """Bytes of a JS string in one of the encodings the stream write methods take."""
    if encoding == "utf8":
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            return text.encode("utf-8", "pynode.lone_surrogate")
    if encoding == "latin1":
        try:
            return text.encode("latin-1")
        except UnicodeEncodeError:  # Node keeps the low byte of each UTF-16 code unit
            return text.encode("utf-16-le", "surrogatepass")[::2]
    return text.encode("utf-16-le", "surrogatepass")


def _reserve_descriptor(loop: Any, path: str) -> None:
    """Hold a descriptor for the loop to give up when descriptors run out (see _drop_waiting)."""
    try:
        loop.emfile_fd = os.open(path, _O_RESERVE)
    except OSError:
        pass  # none to spare now: the next stream handle tries again


def _drop_waiting(loop: Any, sock: socket.SocketType) -> int:
    """Out of descriptors, accept and close the connections waiting, as libuv does.

    A waiting connection, left in the queue, would make the listening
    socket readable at every turn with no way to take it: the descriptor
    held in reserve is closed to make room for each connection in turn,
    then taken again. Returns the errno that ended the accepts (EAGAIN:
    none left), or EMFILE when there was no descriptor in reserve.
    """
    if loop.emfile_fd < 0:
        return errno.EMFILE
    os.close(loop.emfile_fd)
    loop.emfile_fd = -1
    while True:
        try:
            fd, _addr = sock._accept()
        except OSError as exc:
            if exc.errno != errno.EINTR:
                err = exc.errno
                break
        else:
            os.close(fd)
    _reserve_descriptor(loop, "/")
    return err


class _RealmState:
    """Per-realm stream state: the array JS reads write results from, one read buffer."""

    def __init__(self, realm: Any) -> None:
        self.buffer, fields = realm.engine.shared_array(ctypes.c_int32, K_NUM_FIELDS)
        self.fields = memoryview(fields).cast("B").cast("i")  # (cheaper to set than the ctypes array)
        self.array = realm.engine.eval("(ab) => new Int32Array(ab)", "node:internal/stream_wrap")(self.buffer)
        # Reads from every stream of the realm go through this buffer and are
        # copied out at once, so 1,000 idle sockets cost no read memory.
        self.read_buffer = bytearray(READ_SIZE)
        self.read_view = memoryview(self.read_buffer)
        # What net's Socket#_destroy reads of a handle it closes, and the
        # `onread` it sets then (see close_destroyed).
        buffer, self.destroyed_counts = realm.engine.shared_array(ctypes.c_double, 2)
        to_array = realm.engine.eval("(ab) => new Float64Array(ab)", "node:internal/stream_wrap")
        self.destroyed_counts_array = to_array(buffer)
        self.destroyed_onread: Any = Undefined
        self.to_number = realm.engine.eval("(value) => +value", "node:internal/stream_wrap")


def realm_state(realm: Any) -> _RealmState:
    """The realm's stream state, kept on the realm itself (every handle asks for it)."""
    try:
        return realm.stream_base_state
    except AttributeError:
        state = realm.stream_base_state = _RealmState(realm)
        return state


_NO_WRITES: tuple = ()  # the write queue of a stream that never queued one


class _Write:
    """A queued write: what is left to send, its request object and the request's async id."""

    __slots__ = ("view", "req", "async_id")

    def __init__(self, view: memoryview, req: Any, async_id: float) -> None:
        self.view = view
        self.req = req
        self.async_id = async_id


class StreamBase(HandleWrap):
    """A stream handle over one file descriptor (a socket or a pipe end)."""

    JS_METHODS = HandleWrap.JS_METHODS + (
        "readStart", "readStop", "shutdown", "useUserBuffer", "setBlocking",
        "writeBuffer", "writev", "writeUtf8String", "writeAsciiString",
        "writeLatin1String", "writeUcs2String",
    )
    JS_GETTERS = ("bytesRead", "bytesWritten", "fd", "writeQueueSize")
    JS_CONSTANTS = ("isStreamBase",)
    JS_LAYERS = ("LibuvStreamWrap", "HandleWrap", "AsyncWrap")
    # Node keeps a stream's read callback in its C++ object, behind an
    # accessor: here the Python object keeps it, and gives it to the JS
    # read entry with each read.
    JS_ACCESSORS = ("onread",)

    __slots__ = (
        "_state", "sock", "_fd", "_channel", "events", "reading", "readable", "writable",
        "_queue", "_queue_bytes", "_shutdown_req", "_shutdown_id", "_read_limit", "_listening",
        "_connect_req", "_connect_id",
        "bytesRead", "bytesWritten", "_onread",
    )

    isStreamBase = True

    def __init__(self, realm: Any) -> None:
        # HandleWrap.__init__, inline: a call less per handle (a connection makes two)
        self.realm = realm
        self.loop = loop = realm.loop
        if loop.emfile_fd < 0:  # (libuv's stream handles reserve a descriptor for the loop)
            _reserve_descriptor(loop, "/dev/null")
        self.active = False
        self.refed = True
        self.closing = False
        ids = realm.async_ids  # (realm.new_async_id, inline)
        ids[K_ASYNC_ID_COUNTER] = self.async_id = ids[K_ASYNC_ID_COUNTER] + 1
        realm.handles.add(self)
        try:
            self._state = realm.stream_base_state
        except AttributeError:  # the realm's first stream
            self._state = realm_state(realm)
        self.sock: Optional[socket.SocketType] = None
        self._fd = -1
        # Reads and writes are the descriptor's own (read(2) and write(2), as
        # libuv's), save an IPC channel's, which carry descriptors along.
        self._channel: Any = None
        self.events = 0  # what the loop watches the descriptor for (the handle is its own watcher)
        self.reading = False
        self.readable = False
        self.writable = False
        self._queue: Any = _NO_WRITES
        self._queue_bytes = 0
        self._shutdown_req: Any = None
        self._shutdown_id = 0
        self._read_limit = READ_SIZE
        self._listening = False
        self._connect_req: Any = None
        self._connect_id = 0
        self.bytesRead = 0
        self.bytesWritten = 0
        self._onread: Any = Undefined

    def get_onread(self) -> Any:
        return self._onread

    def set_onread(self, value: Any) -> None:
        self._onread = value

    # -- the descriptor --------------------------------------------------------

    def attach_socket(self, sock: socket.SocketType) -> None:
        """Take ownership of a socket, made non-blocking, for reading and writing."""
        if sock.gettimeout() != 0.0:  # not created non-blocking
            sock.setblocking(False)
        self.sock = sock
        self._fd = sock.fileno()

    def attach_accepted(self, sock: socket.SocketType) -> None:
        """Take a connection the server accepted (no options yet to apply)."""
        if sock.gettimeout() != 0.0:  # (attach_socket, inline)
            sock.setblocking(False)
        self.sock = sock
        self._fd = sock.fileno()
        self.readable = self.writable = True

    def attach_fd(self, fd: int) -> None:
        """Take ownership of a descriptor that is not a socket (a pipe end)."""
        os.set_blocking(fd, False)
        self._fd = fd

    @property
    def fd(self) -> int:
        return self._fd

    @property
    def writeQueueSize(self) -> int:
        return self._queue_bytes

    def setBlocking(self, blocking: Any) -> int:
        if self._fd < 0:
            return UV_EBADF
        os.set_blocking(self._fd, bool(blocking))
        return 0

    def _update_watcher(self) -> int:
        """Watch the descriptor for what the stream waits on; 0 or the loop's error."""
        if self._fd < 0:
            return 0
        if self.reading:
            events = EVENT_READ | EVENT_HUP
        else:
            events = EVENT_READ if self._listening else 0
        if self._queue or self._connect_req is not None:
            events |= EVENT_WRITE
        current = self.events
        if events != current:  # (loop.set_interest, inline, and the epoll selector's set)
            loop = self.loop
            epoll = loop.epoll
            fd = self._fd
            try:
                if epoll is None:
                    loop.selector.set(fd, current, events, self)
                elif current == 0:
                    try:
                        epoll.register(fd, events)
                    except FileExistsError:
                        if loop.selector.watcher_of(fd) is None:
                            raise
                        # Another handle of this loop watches the descriptor
                        # (one opened over it from the connect callback, see
                        # fd_exists). As in libuv, this one's interest becomes
                        # the descriptor's, and its events still go to the other.
                        epoll.modify(fd, events)
                        self.events = events
                        return 0
                    try:
                        loop.watchers[fd] = self
                    except IndexError:
                        grow_watchers(loop.watchers, fd)
                        loop.watchers[fd] = self
                elif events == 0:
                    if loop.watchers[fd] is self:  # (else another handle's watch: left as it is)
                        loop.watchers[fd] = None
                        try:
                            epoll.unregister(fd)
                        except (OSError, ValueError):
                            pass  # the descriptor was closed already: epoll forgot it
                else:
                    epoll.modify(fd, events)
            except OSError as exc:
                return uv.code_of(exc)
            self.events = events
        return 0

    def on_ready(self, events: int) -> None:
        """The loop's call when the descriptor is ready for what the stream watches.

        In libuv's order: a finished connect is all one turn does (data that
        came with it is read on the next), then reads, then writes.

        Reads go on until the descriptor would block (at most READS_PER_TURN
        reads; inline: the usual event). As libuv does, a short read on a
        descriptor that also hung up ends the stream at once: data followed
        by a reset reads as data, then end.
        """
        if self._connect_req is not None:
            if events & EVENT_WRITE:
                self._on_connect_ready()
            return
        if events & EVENT_READ:
            if self._listening:
                self._accept()
                return
            if self.reading:  # (a hang-up is reported to a paused stream too)
                size = self._read_limit
                channel = self._channel
                fd = self._fd
                realm = self.realm
                array_buffer = realm.engine.array_buffer
                js = self.js
                for _ in _READ_TURNS:
                    try:
                        if channel is None:
                            data = _fd_read(fd, size)
                            nread = len(data)
                        else:
                            view = self._state.read_view[:size]
                            nread = channel.recv_into(view)
                            data = view[:nread]
                    except (BlockingIOError, InterruptedError):
                        break
                    except OSError as exc:
                        self._read_failed(uv.code_of(exc))
                        break
                    if nread == 0:
                        if size == 0:
                            # A user's empty buffer (useUserBuffer): as libuv
                            # does when the allocation gives no room, ENOBUFS,
                            # the stream still reading.
                            realm.make_onread(self.async_id, self._onread, js, UV_ENOBUFS, Undefined)
                        else:
                            self._read_failed(UV_EOF)
                        break
                    self.bytesRead += nread
                    realm.make_onread(self.async_id, self._onread, js, nread, array_buffer(data))
                    if nread < size:
                        if events & EVENT_HUP and self.reading and not self.closing:
                            self._read_failed(UV_EOF)
                        break
                    if not self.reading or self.closing:
                        break
                    # (The callback may have given a user's buffer of another size.)
                    size = self._read_limit
                if self.closing:
                    return
        if events & EVENT_WRITE:
            self.on_writable()

    # -- listening -----------------------------------------------------------------

    def start_listening(self, backlog: int) -> int:
        """Listen with a backlog already made an int32 (the kernel caps it; a negative one is the cap)."""
        if _listen(self._fd, backlog) < 0:
            return -ctypes.get_errno()
        self._listening = True
        err = self._update_watcher()
        if err:
            self._listening = False
            return err
        self.set_active(True)
        return 0

    def _accept(self) -> None:
        realm = self.realm
        # The client handle is made here, of the server's class, without
        # a constructor call from JS: the realm's accept entry gives its
        # host object the class's prototype.
        cls = type(self)
        tcp_fields = cls.JS_TCP_FIELDS
        host_object = realm.engine.host_object
        sock = self.sock
        family, kind, proto = sock.family, sock.type, sock.proto
        if _accept4 is not None:
            # As libuv does: born non-blocking, which spares a system call.
            listen_fd, kind = sock.fileno(), kind | _NONBLOCK
        else:
            # The descriptor, wrapped in the plain socket type: socket.socket's
            # accept() adds Python-level layers each connection pays for.
            accept = sock._accept
        for _ in _ACCEPT_TURNS:
            if _accept4 is not None:
                fd = _accept4(listen_fd, None, None, _ACCEPT4_FLAGS)
                err = ctypes.get_errno() if fd < 0 else 0
            else:
                try:
                    fd, _addr = accept()
                    err = 0
                except OSError as exc:
                    err = exc.errno
            if err:
                if err in _ACCEPT_LATER:
                    return
                if err == errno.ECONNABORTED:
                    continue
                if err in _OUT_OF_DESCRIPTORS:
                    err = _drop_waiting(self.loop, sock)
                    if err in _ACCEPT_LATER:
                        return
                realm.make_callback(self.js, "onconnection", -err, Undefined, async_id=self.async_id)
                return
            client = cls(realm)
            client.attach_accepted(socket.SocketType(family, kind, proto, fd))
            client.js = host = host_object(client)
            realm.make_accept_callback(self.async_id, self.js, host, tcp_fields)
            if self.closing:
                return

    # -- connecting -------------------------------------------------------------------

    def start_connect(self, req: Any, address: Any) -> int:
        """Connect the socket to `address`; an immediate result is reported in the pending phase."""
        # The request's async id, as Node's ConnectWrap takes one (new_async_id, inline).
        ids = self.realm.async_ids
        ids[K_ASYNC_ID_COUNTER] = async_id = ids[K_ASYNC_ID_COUNTER] + 1
        if self._connect_req is not None:
            return UV_EALREADY
        return self.connect_begun(req, async_id, self.sock.connect_ex(address))

    def connect_begun(self, req: Any, async_id: float, status: int) -> int:
        """After connect(2) (`status`, an errno): an error libuv returns, or the request waits."""
        if status not in (0, errno.EINPROGRESS) and not self.connect_error_is_delayed(status):
            return -status
        self._connect_req = req
        self._connect_id = async_id
        self.loop.active_reqs += 1
        if status in (0, errno.EINPROGRESS):
            self._update_watcher()
        else:
            self.loop.pending.append(lambda: self._connected(-status))
        return 0

    def connect_error_is_delayed(self, err: int) -> bool:
        """Whether a connect error is reported through the request rather than returned."""
        return False

    def _on_connect_ready(self) -> None:
        try:
            status = -self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        except OSError as exc:
            status = uv.code_of(exc)
        self._connected(status)

    def _connected(self, status: int) -> None:
        req = self._connect_req
        if req is None or self.closing:
            return
        self._connect_req = None
        self.loop.active_reqs -= 1
        ok = status == 0
        self.readable = self.writable = ok
        self.realm.make_onconnect(self._connect_id, req, status, self.js, ok, ok)
        # After the callback, which usually starts reading: one change of the
        # descriptor's interest (writable -> readable) instead of two. What
        # the callback did (read, write) changed it already; left to change
        # is only the connect's writability, nothing being queued.
        if self.events & EVENT_WRITE and not self._queue and not self.closing:
            self._update_watcher()

    # -- reading ---------------------------------------------------------------

    def readStart(self) -> int:
        if self._fd < 0:
            return UV_EINVAL
        if not self.reading:
            self.reading = True
            err = self._update_watcher()
            if err:
                self.reading = False
                return err
            if not self.active:  # (set_active(True), inline: once per connection)
                self.active = True
                if self.refed:
                    self.loop.ref_handles += 1
        return 0

    def readStop(self) -> int:
        if self.reading:
            self.reading = False
            if self.active and not self._listening:  # (set_active(False), inline)
                self.active = False
                if self.refed:
                    self.loop.ref_handles -= 1
            self._update_watcher()
        return 0

    def useUserBuffer(self, buffer: Any) -> None:
        """Reads go to a buffer of the user's (net's `onread` option): no read exceeds its size.

        JS copies each chunk into that buffer, so only its size matters here.
        An empty one makes each read report UV_ENOBUFS, as libuv's reads do
        when the allocation callback gives no room.
        """
        self._read_limit = min(READ_SIZE, int(buffer["byteLength"]))

    def _read_failed(self, code: int) -> None:
        self.readable = False
        if self.reading:  # (readStop, inline: every stream's end)
            self.reading = False
            if self.active and not self._listening:
                self.active = False
                if self.refed:
                    self.loop.ref_handles -= 1
            self._update_watcher()
        self.realm.make_onread(self.async_id, self._onread, self.js, code, Undefined)

    # -- writing ---------------------------------------------------------------

    def write_with_handle(self, write: Any, req: Any, data: Any, send_handle: Any) -> int:
        """A message with a handle's descriptor: only an IPC pipe can send one (libuv's EINVAL)."""
        return UV_EINVAL

    def writeUtf8String(self, req: Any, text: Any, send_handle: Any = None) -> int:
        if send_handle is not None and send_handle is not Undefined:
            return self.write_with_handle(StreamBase.writeUtf8String, req, text, send_handle)
        if type(text) is not str:
            text = as_text(text)
        try:
            data = text.encode()  # (encode_string's usual case, inline)
        except UnicodeEncodeError:
            data = encode_string(text, "utf8")
        return self._write(req, data)

    def writeLatin1String(self, req: Any, text: Any, _send_handle: Any = None) -> int:
        return self._write(req, encode_string(as_text(text), "latin1"))

    writeAsciiString = writeLatin1String

    def writeUcs2String(self, req: Any, text: Any, _send_handle: Any = None) -> int:
        return self._write(req, encode_string(as_text(text), "ucs2"))

    def writev(self, req: Any, chunks: Any, all_buffers: Any) -> int:
        """Write several chunks as one request: buffers, or (chunk, encoding) pairs."""
        parts = []
        if all_buffers is True:
            for i in range(chunks["length"]):
                parts.append(chunks[i].to_bytes())
        else:
            for i in range(0, chunks["length"], 2):
                chunk = chunks[i]
                if isinstance(chunk, JSValue):
                    parts.append(chunk.to_bytes())
                else:
                    parts.append(encode_string(as_text(chunk), _WRITEV_ENCODINGS.get(chunks[i + 1], "utf8")))
        return self._write(req, b"".join(parts))

    def writeBuffer(self, req: Any, data: Any, send_handle: Any = None) -> int:
        """Write JS bytes (or bytes a string writer encoded): at once, or what is left queued for the loop."""
        if send_handle is not None and send_handle is not Undefined:
            return self.write_with_handle(StreamBase.writeBuffer, req, data, send_handle)
        if type(data) is not bytes:
            data = data.to_bytes()
        fields = self._state.fields
        size = len(data)
        fields[K_BYTES_WRITTEN] = size
        fields[K_LAST_WRITE_WAS_ASYNC] = 0
        if self._fd < 0 or self.closing:
            return UV_EBADF
        if not self.writable:
            return UV_EPIPE
        self.bytesWritten += size  # Node counts a write's bytes when it is dispatched
        sent = 0
        if not self._queue:
            try:
                if self._channel is None:
                    sent = _fd_write(self._fd, data)
                else:
                    sent = self._channel.send(data)
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError as exc:
                return uv.code_of(exc)
            if sent == size:
                return 0
        if self._queue is _NO_WRITES:
            self._queue = deque()
        # Only a write that waits takes an async id, as only then does Node make a WriteWrap.
        self._queue.append(_Write(memoryview(data)[sent:], req, self.realm.new_async_id()))
        self._queue_bytes += size - sent
        self.loop.active_reqs += 1
        fields[K_LAST_WRITE_WAS_ASYNC] = 1
        self._update_watcher()
        return 0

    # The string writers' path: StreamBase's writeBuffer, even in a subclass
    # with a writeBuffer of its own (Pipe's, which may send a handle along).
    _write = writeBuffer

    def on_writable(self) -> None:
        queue = self._queue
        fd = self._fd
        channel = self._channel
        while queue:
            entry = queue[0]
            try:
                sent = _fd_write(fd, entry.view) if channel is None else channel.send(entry.view)
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:
                self._fail_writes(uv.code_of(exc))
                return
            self._queue_bytes -= sent
            if sent < len(entry.view):
                entry.view = entry.view[sent:]
                break
            queue.popleft()
            self.loop.active_reqs -= 1
            self.realm.make_oncomplete(entry.async_id, entry.req, 0)
            if self.closing:
                return
        if not queue and self._shutdown_req is not None:
            self._finish_shutdown()
        self._update_watcher()

    def _fail_writes(self, code: int) -> None:
        """A write failed (the peer went away): the first request reports it, as libuv does."""
        entry = self._queue.popleft()
        self._queue_bytes -= len(entry.view)
        self.loop.active_reqs -= 1
        self.writable = False
        self._update_watcher()
        self.realm.make_oncomplete(entry.async_id, entry.req, code)

    # -- shutdown ----------------------------------------------------------------

    def shutdown(self, req: Any) -> int:
        # The request's async id, as Node's ShutdownWrap takes one (new_async_id, inline).
        ids = self.realm.async_ids
        ids[K_ASYNC_ID_COUNTER] = async_id = ids[K_ASYNC_ID_COUNTER] + 1
        if self._fd < 0 or not self.writable or self._shutdown_req is not None or self.closing:
            return UV_ENOTCONN
        self._shutdown_req = req
        self._shutdown_id = async_id
        self.loop.active_reqs += 1
        if not self._queue:
            self.loop.pending.append(self._finish_shutdown)
        return 0

    def _finish_shutdown(self) -> None:
        req = self._shutdown_req
        if req is None or self.closing:
            return
        self._shutdown_req = None
        self.writable = False
        status = 0
        try:
            if self.sock is not None:
                self.sock.shutdown(_SHUT_WR)
            else:
                status = -errno.ENOTSOCK
        except OSError as exc:
            status = uv.code_of(exc)
        self.loop.active_reqs -= 1
        self.realm.make_oncomplete(self._shutdown_id, req, status)

    # -- closing -----------------------------------------------------------------

    def release(self) -> None:
        """Close the descriptor; requests still in flight are cancelled in the close phase."""
        self.reading = False
        # No read comes any more: the callback (a JS function, which may hold
        # the socket that holds this handle) is let go, as `js` is at close.
        self._onread = Undefined
        fd = self._fd
        if fd >= 0 and self.events:
            self.loop.selector.set(fd, self.events, 0, self)
            self.events = 0
        self._fd = -1
        self._channel = None
        if self._queue or self._shutdown_req is not None or self._connect_req is not None:
            self._cancel_requests()
        try:
            if fd <= 2:
                # stdin, stdout and stderr stay open, as libuv leaves them.
                if self.sock is not None:
                    self.sock.detach()
            elif self.sock is not None:
                self.sock.close()
            else:
                os.close(fd)
        except OSError:
            pass  # another handle opened on the same descriptor closed it first
        self.sock = None

    def _cancel_requests(self) -> None:
        """Requests in flight when the stream closes: each completes with UV_ECANCELED in the close phase."""
        cancelled = [(entry.req, entry.async_id) for entry in self._queue]
        self._queue = _NO_WRITES
        self._queue_bytes = 0
        if self._shutdown_req is not None:
            cancelled.append((self._shutdown_req, self._shutdown_id))
            self._shutdown_req = None
        connect = None
        if self._connect_req is not None:
            connect = (self._connect_req, self._connect_id)
            self._connect_req = None
            self.loop.active_reqs -= 1
        self.loop.active_reqs -= len(cancelled)
        if not self.realm.closed:
            self.loop.closing.append(lambda: self._cancel(connect, cancelled))

    def _cancel(self, connect: Any, requests: list) -> None:
        """Complete requests cut short by close() with UV_ECANCELED.

        A request whose `oncomplete` JS removed (net drops a timed-out
        connection attempt that way) is skipped, as Node's MakeCallback skips
        a callback that is not a function.
        """
        realm = self.realm
        if connect is not None and _has_callback(connect[0]) and not realm.exiting:
            realm.make_onconnect(connect[1], connect[0], UV_ECANCELED, self.js, False, False)
        for req, async_id in requests:
            if realm.exiting:
                return
            if _has_callback(req):
                realm.make_oncomplete(async_id, req, UV_ECANCELED)


def fd_exists(loop: Any, fd: int) -> bool:
    """Whether a watcher of `loop` has `fd` (libuv's uv__fd_exists), for a handle about to open it.

    A stream whose connect just completed still watches its writability
    while the connect callback runs (StreamBase._connected changes the
    interest once, after it); libuv stops that watch before calling back,
    so from the callback the descriptor is free until the stream reads or
    writes. Such a stream's interest is brought up to date first.
    """
    watcher = loop.selector.watcher_of(fd)
    if watcher is None:
        return False
    if isinstance(watcher, StreamBase):
        watcher._update_watcher()
        return loop.selector.watches(fd)
    return True


def attach_onread(handle: Any, onread: Any) -> float:
    """net's initSocketHandle: sets the handle's `onread` and returns its async id (one call instead of two)."""
    handle._onread = onread
    return handle.async_id


def close_destroyed(handle: Any, callback: Any) -> None:
    """net's Socket#_destroy closing a socket's own handle, in one call into Python instead of four.

    Node's reads the handle's byte counts (two getters), closes it, then sets
    its `onread` to a no-op: the counts go to the shared `destroyedCounts`
    (closing leaves them as they are) and the no-op, which net gave once, is
    set here.
    """
    state = handle._state
    counts = state.destroyed_counts
    counts[0] = handle.bytesRead
    counts[1] = handle.bytesWritten
    handle.close(callback)
    handle._onread = state.destroyed_onread


def _has_callback(req: Any) -> bool:
    callback = req["oncomplete"]
    return isinstance(callback, JSValue) and callback.is_function


_WRITEV_ENCODINGS = {
    "utf8": "utf8", "utf-8": "utf8", "latin1": "latin1", "binary": "latin1", "ascii": "latin1",
    "ucs2": "ucs2", "ucs-2": "ucs2", "utf16le": "ucs2", "utf-16le": "ucs2",
}


def create(realm: Any) -> dict:
    state = realm_state(realm)
    return {
        "WriteWrap": export_class(realm, None, "WriteWrap"),
        "ShutdownWrap": export_class(realm, None, "ShutdownWrap"),
        "streamBaseState": state.array,
        "kBytesWritten": K_BYTES_WRITTEN,
        "kLastWriteWasAsync": K_LAST_WRITE_WAS_ASYNC,
        "attachOnread": attach_onread,
        "closeDestroyed": close_destroyed,
        "destroyedCounts": state.destroyed_counts_array,
        "setDestroyedOnread": lambda onread: setattr(state, "destroyed_onread", onread),
    }
