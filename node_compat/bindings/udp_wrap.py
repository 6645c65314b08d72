"""Node's `udp_wrap` binding: the `UDP` handle behind `dgram.Socket`, and `SendWrap`.

The handle mirrors libuv's `uv_udp_t` as Node's UDPWrap drives it: the OS
socket is created lazily by the first bind/connect/send (with the family of
that address), methods return 0 or a negative libuv errno, datagrams arrive
as `onmessage(nread, handle, arrayBuffer, rinfo)` in the poll phase (read in a
loop until the socket would block, at most `RECV_BATCH` per wake-up), and a
send is tried at once; only when the kernel buffer is full is it queued,
written when the socket turns writable, and completed in the pending phase
through `req.oncomplete(err, sent)`, as libuv does.
"""

from __future__ import annotations

import ctypes
import errno
import os
import select
import socket
import struct
from collections import deque

from jsbridge import Undefined, as_text

from ..loop import EVENT_READ, EVENT_WRITE, IOWatcher
from . import uv
from .handle_wrap import HandleWrap
from .native import export_class
from .stream_wrap import wrap_int32

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional

# libuv's uv_udp_flags
UV_UDP_IPV6ONLY = 1
UV_UDP_REUSEADDR = 4
UV_UDP_REUSEPORT = 64

RECV_BATCH = 32  # most datagrams per readiness event, libuv's count in uv__udp_recvmsg
MAX_DATAGRAM = 64 * 1024  # Node allocates 64 KiB for each read

UV_EBADF = -errno.EBADF
UV_EINVAL = -errno.EINVAL
UV_EAGAIN = -errno.EAGAIN

# Linux socket options the socket module does not name
_IP_ADD_SOURCE_MEMBERSHIP = getattr(socket, "IP_ADD_SOURCE_MEMBERSHIP", 39)
_IP_DROP_SOURCE_MEMBERSHIP = getattr(socket, "IP_DROP_SOURCE_MEMBERSHIP", 40)
_MCAST_JOIN_SOURCE_GROUP = 46
_MCAST_LEAVE_SOURCE_GROUP = 47

_libc = ctypes.CDLL(None, use_errno=True)
_libc.sendto.restype = ctypes.c_ssize_t
_libc.sendto.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)


def parse_ip4(ip: str) -> Optional[bytes]:
    """The 4 address bytes of a dotted quad, or None (libuv's uv_ip4_addr)."""
    try:
        return socket.inet_pton(socket.AF_INET, ip)
    except (OSError, ValueError):
        return None


def parse_ip6(ip: str) -> Optional[tuple[str, bytes, int]]:
    """(address without zone, 16 bytes, scope id) of an IPv6 literal, or None.

    As libuv's uv_ip6_addr, an unknown `%zone` interface is silently scope 0.
    """
    addr, _, zone = ip.partition("%")
    try:
        packed = socket.inet_pton(socket.AF_INET6, addr)
    except (OSError, ValueError):
        return None
    return addr, packed, uv.ip6_scope_id(zone)


def _sockaddr(family: int, ip: str, port: int) -> Optional[tuple]:
    """The Python socket address for `ip:port` in `family`, or None if `ip` does not parse."""
    if family == socket.AF_INET:
        return (ip, port) if parse_ip4(ip) is not None else None
    parsed = parse_ip6(ip)
    if parsed is None:
        return None
    return (parsed[0], port, 0, parsed[2])


def _c_sockaddr(addr: tuple) -> bytes:
    """The C sockaddr of a Python socket address: (ip, port) for IPv4, (ip, port, flow, scope) for IPv6."""
    if len(addr) == 2:
        return struct.pack("=H", socket.AF_INET) + struct.pack("!H", addr[1]) + parse_ip4(addr[0]) + bytes(8)
    return (struct.pack("=H", socket.AF_INET6) + struct.pack("!HI", addr[1], addr[2])
            + socket.inet_pton(socket.AF_INET6, addr[0]) + struct.pack("=I", addr[3]))


# A socket opened on a descriptor of the other family than the handle's
# calls (a udp6 handle over an IPv4 socket): Python's socket methods take
# only addresses of their socket's family, so the address goes to the
# system call as it is, as libuv passes it, and the kernel answers.

def _call_c(function: Any, sock: socket.socket, c_addr: bytes) -> None:
    """bind(2) or connect(2) with a C sockaddr; OSError as the socket methods raise."""
    if function(sock.fileno(), c_addr, len(c_addr)) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def _sendto_c(sock: socket.socket, data: bytes, c_addr: bytes) -> int:
    """sendto(2) with a C sockaddr; OSError as the socket methods raise."""
    sent = _libc.sendto(sock.fileno(), data, len(data), 0, c_addr, len(c_addr))
    if sent < 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))
    return sent



class _SockaddrUnspec(ctypes.Structure):
    _fields_ = [("family", ctypes.c_ushort), ("data", ctypes.c_char * 14)]


class UDP(HandleWrap):
    """A UDP socket handle (Node's UDPWrap over libuv's uv_udp_t)."""

    PROVIDER = 43  # UDPWRAP

    # (In Node's order; the HandleWrap and AsyncWrap methods go to the
    # prototypes Node has them on, see makeNativeClass in bootstrap/realm.)
    JS_METHODS = HandleWrap.JS_METHODS + (
        "recvStart", "recvStop", "open", "bind", "connect", "send", "bind6", "connect6", "send6",
        "disconnect", "getpeername", "getsockname",
        "addMembership", "dropMembership", "addSourceSpecificMembership", "dropSourceSpecificMembership",
        "setMulticastInterface", "setMulticastTTL", "setMulticastLoopback", "setBroadcast", "setTTL",
        "bufferSize", "getSendQueueSize", "getSendQueueCount",
    )
    JS_GETTERS = ("fd",)
    JS_LAYERS = ("HandleWrap", "AsyncWrap")
    JS_OWNER = True

    def __init__(self, realm: Any) -> None:
        super().__init__(realm)
        self.sock: Optional[socket.socket] = None
        self.family = 0
        self.watcher: Optional[IOWatcher] = None
        self.receiving = False
        self.connected = False  # libuv's UV_HANDLE_UDP_CONNECTED
        # [req, chunks, address, has_callback, size, async id] waiting for writability
        # (the address a C sockaddr when of the other family: see _send_c)
        self.queue: deque = deque()
        self.completed: deque = deque()  # (req, err, size, has_callback) due in the pending phase
        self.queue_size = 0
        self.queue_count = 0
        self.engine = realm.engine
        self.make_callback = realm.make_callback
        self.recv_buffer = bytearray(MAX_DATAGRAM)
        self.recv_view = memoryview(self.recv_buffer)
        self.poller: Any = None  # a poll(2) set of the socket alone, asked in _read
        self.last_target: tuple = (None, None, 0, None)  # (ip, port, family, sockaddr) of the last send

    # -- the socket ---------------------------------------------------------------

    @property
    def fd(self) -> int:
        """The descriptor, or EBADF without a socket (libuv's uv_fileno)."""
        return self.sock.fileno() if self.sock is not None else UV_EBADF

    def _create(self, family: int) -> int:
        if self.closing:
            return UV_EBADF
        try:
            sock = socket.socket(family, socket.SOCK_DGRAM)
        except OSError as exc:
            return uv.code_of(exc)
        sock.setblocking(False)
        self._adopt(sock)
        return 0

    def _adopt(self, sock: socket.socket) -> None:
        self.sock = sock
        self.family = sock.family
        self.watcher = IOWatcher(self.loop, sock.fileno(), self._on_ready)
        self.poller = select.poll()
        self.poller.register(sock.fileno(), select.POLLIN)

    def _bind(self, family: int, ip: Any, port: Any, flags: Any) -> int:
        if self.closing:
            return UV_EBADF
        flags = int(flags or 0)
        if flags & UV_UDP_IPV6ONLY and family != socket.AF_INET6:
            return UV_EINVAL
        addr = _sockaddr(family, as_text(ip), int(port) & 0xFFFF)
        if addr is None:
            return UV_EINVAL
        if self.sock is None:
            err = self._create(family)
            if err:
                return err
        sock = self.sock
        try:
            if flags & UV_UDP_REUSEADDR:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if flags & UV_UDP_REUSEPORT:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            if flags & UV_UDP_IPV6ONLY:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            if self.family == family:
                sock.bind(addr)
            else:
                _call_c(_libc.bind, sock, _c_sockaddr(addr))
        except OSError as exc:
            if exc.errno == errno.EAFNOSUPPORT:
                return UV_EINVAL
            return uv.code_of(exc)
        return 0

    def _deferred_bind(self, family: int, flags: int = 0) -> int:
        """Bind to the any-address when no socket exists yet (libuv's implicit bind;
        a membership's asks for UV_UDP_REUSEADDR)."""
        if self.sock is not None:
            return 0
        any_ip = "0.0.0.0" if family == socket.AF_INET else "::"
        return self._bind(family, any_ip, 0, flags)

    def open(self, fd: Any) -> int:
        """Adopt descriptor `fd`, in libuv's order of checks (uv_udp_open)."""
        if self.closing:
            return UV_EBADF
        if self.sock is not None:
            return -errno.EBUSY
        fd = int(fd)
        self.last_target = (None, None, 0, None)  # (parsed for a socket of the family of a send's)
        if self.loop.selector.watches(fd):
            return -errno.EEXIST  # another handle of this loop has it (libuv's uv__fd_exists)
        try:
            os.set_blocking(fd, False)
            sock = socket.socket(fileno=fd)
        except OSError as exc:
            return uv.code_of(exc)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        except OSError as exc:
            sock.detach()
            return uv.code_of(exc)
        self._adopt(sock)
        try:
            sock.getpeername()
            self.connected = True  # a connected socket stays one (libuv's uv__udp_is_connected)
        except OSError:
            pass
        return 0

    def bind(self, ip: Any, port: Any, flags: Any = 0) -> int:
        return self._bind(socket.AF_INET, ip, port, flags)

    def bind6(self, ip: Any, port: Any, flags: Any = 0) -> int:
        return self._bind(socket.AF_INET6, ip, port, flags)

    def _connect(self, family: int, ip: Any, port: Any) -> int:
        addr = _sockaddr(family, as_text(ip), int(port) & 0xFFFF)
        if addr is None:
            return UV_EINVAL
        if self.connected:
            return -errno.EISCONN
        err = self._deferred_bind(family)
        if err:
            return err
        try:
            if self.family == family:
                self.sock.connect(addr)
            else:
                _call_c(_libc.connect, self.sock, _c_sockaddr(addr))
        except OSError as exc:
            return uv.code_of(exc)
        self.connected = True
        return 0

    def connect(self, ip: Any, port: Any) -> int:
        return self._connect(socket.AF_INET, ip, port)

    def connect6(self, ip: Any, port: Any) -> int:
        return self._connect(socket.AF_INET6, ip, port)

    def disconnect(self) -> int:
        if not self.connected:
            return -errno.ENOTCONN
        # connect() to an AF_UNSPEC address dissolves the association
        addr = _SockaddrUnspec(socket.AF_UNSPEC)
        if _libc.connect(self.sock.fileno(), ctypes.byref(addr), ctypes.sizeof(addr)) != 0:
            code = ctypes.get_errno()
            if code != errno.EAFNOSUPPORT:
                return -code
        self.connected = False
        return 0

    # -- receiving ------------------------------------------------------------------

    def recvStart(self) -> int:
        if self.closing:
            return UV_EBADF
        if self.receiving:
            return 0  # (libuv's EALREADY, which Node's binding takes for success)
        err = self._deferred_bind(socket.AF_INET)
        if err:
            return err
        self.receiving = True
        self.watcher.start(EVENT_READ)
        self.set_active(True)
        return 0

    def recvStop(self) -> int:
        if self.closing:
            return UV_EBADF
        if self.receiving:
            self.receiving = False
            self.watcher.stop(EVENT_READ)
            if not self.queue:
                self.set_active(False)
        return 0

    def _on_ready(self, events: int) -> None:
        if events & EVENT_WRITE:
            self._flush_queue()
        if events & EVENT_READ and self.receiving:
            self._read()

    def _read(self) -> None:
        """Deliver the waiting datagrams: until the socket would block, at most RECV_BATCH.

        As libuv's uv__udp_recvmsg, so that datagrams already queued reach JS
        before this turn's immediates. Finding the socket drained costs a
        failed recvfrom, an exception in Python (~1 us); after the first
        datagram a poll(2) of the socket with no wait (a third of that) tells
        whether another one waits, so a wake-up for one datagram, the
        request/response case, ends without the exception.
        """
        realm = self.realm
        sock = self.sock
        js = self.js
        buffer = self.recv_buffer
        view = self.recv_view
        array_buffer = self.engine.array_buffer
        onmessage = realm.make_onmessage
        async_id = self.async_id
        ipv6 = self.family != socket.AF_INET
        for count in range(RECV_BATCH):
            try:
                nread, address = sock.recvfrom_into(buffer)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                onmessage(async_id, js, uv.code_of(exc), Undefined, Undefined, Undefined, ipv6)
                return
            onmessage(async_id, js, nread, array_buffer(view[:nread]), address[0], address[1], ipv6)
            # the 'message' listener may have closed the socket or stopped reading
            if not self.receiving or self.sock is not sock or realm.exiting:
                return
            if count == 0 and not self.poller.poll(0):
                return

    # -- sending --------------------------------------------------------------------

    def send(self, req: Any, chunks: Any, count: Any, a: Any = Undefined, b: Any = Undefined,
             c: Any = Undefined, *, family: int = socket.AF_INET) -> int:
        """`(req, chunks, count, port, ip, hasCallback)`, or `(req, chunks, count, hasCallback)` when connected.

        `family`: the address family of the entry point (send: IPv4, send6: IPv6), as
        Node's binding parses the address with it.
        """
        if self.closing:
            return UV_EBADF
        if c is not Undefined:
            port, ip, has_callback = a, b, bool(c)
            last_ip, last_port, last_family, addr = self.last_target
            if ip != last_ip or port != last_port or family != last_family or type(ip) is not str:
                addr = _sockaddr(family, as_text(ip), int(port) & 0xFFFF)
                if addr is None:
                    return UV_EINVAL
                # (libuv's uv__udp_check_before_send: an address goes with an unconnected socket only)
                if self.connected:
                    return -errno.EISCONN
                if self.sock is not None and self.family != family:
                    return self._send_c(req, chunks, count, _c_sockaddr(addr), has_callback)
                self.last_target = (ip, port, family, addr)
            elif self.connected:
                return -errno.EISCONN
        else:
            if not self.connected:
                return -errno.EDESTADDRREQ
            addr = None
            has_callback = a is True
        if count == 1:
            data = chunks[0].to_bytes()  # (in a list, as sendmsg takes them, only if queued)
            size = len(data)
        else:
            data = [chunks[i].to_bytes() for i in range(int(count))]
            size = sum(map(len, data))
        if self.sock is None:
            err = self._deferred_bind(family)
            if err:
                return err
        if not self.queue:
            sock = self.sock
            try:
                if count == 1:
                    sent = sock.sendto(data, addr) if addr is not None else sock.send(data)
                else:
                    sent = sock.sendmsg(data, (), 0, addr) if addr is not None else sock.sendmsg(data)
                return sent + 1  # finished synchronously: the size plus one, as Node's binding reports
            except (BlockingIOError, InterruptedError):
                pass
            except OSError as exc:
                return uv.code_of(exc)
        if count == 1:
            data = [data]
        # The kernel buffer is full: queue the datagram until the socket is
        # writable (a request of its own, with an async id, as in Node).
        self.queue.append([req, data, addr, has_callback, size, self.realm.new_async_id()])
        self.queue_size += size
        self.queue_count += 1
        self.loop.active_reqs += 1
        self.watcher.start(EVENT_WRITE)
        self.set_active(True)
        return 0

    def _send_c(self, req: Any, chunks: Any, count: Any, c_addr: bytes, has_callback: bool) -> int:
        """send() to an address of the other family than the socket's (see _call_c)."""
        data = b"".join([chunks[i].to_bytes() for i in range(int(count))])
        if not self.queue:
            try:
                return _sendto_c(self.sock, data, c_addr) + 1
            except (BlockingIOError, InterruptedError):
                pass
            except OSError as exc:
                return uv.code_of(exc)
        self.queue.append([req, [data], c_addr, has_callback, len(data), self.realm.new_async_id()])
        self.queue_size += len(data)
        self.queue_count += 1
        self.loop.active_reqs += 1
        self.watcher.start(EVENT_WRITE)
        self.set_active(True)
        return 0

    def send6(self, req: Any, chunks: Any, count: Any, a: Any = Undefined, b: Any = Undefined,
              c: Any = Undefined) -> int:
        return self.send(req, chunks, count, a, b, c, family=socket.AF_INET6)

    def _flush_queue(self) -> None:
        queue = self.queue
        sock = self.sock
        while queue:
            req, data, addr, has_callback, size, async_id = queue[0]
            try:
                if addr is None:
                    sock.sendmsg(data)
                elif type(addr) is bytes:
                    _sendto_c(sock, data[0], addr)
                else:
                    sock.sendmsg(data, (), 0, addr)
                err = 0
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                err = uv.code_of(exc)
            queue.popleft()
            self._complete(req, err, size, has_callback, async_id)
        self.watcher.stop(EVENT_WRITE)
        if not self.receiving:
            self.set_active(False)

    def _complete(self, req: Any, err: int, size: int, has_callback: bool, async_id: float) -> None:
        if not self.completed:
            self.loop.pending.append(self._run_completed)
        self.completed.append((req, err, size, has_callback, async_id))

    def _run_completed(self) -> None:
        completed = self.completed
        while completed:
            req, err, size, has_callback, async_id = completed.popleft()
            self.queue_size -= size
            self.queue_count -= 1
            self.loop.active_reqs -= 1
            if has_callback and not self.realm.exiting:
                self.make_callback(req, "oncomplete", err, size if err == 0 else 0, async_id=async_id)

    def getSendQueueSize(self) -> int:
        return self.queue_size

    def getSendQueueCount(self) -> int:
        return self.queue_count

    # -- addresses ----------------------------------------------------------------------

    def _name(self, out: Any, peer: bool) -> int:
        if self.sock is None:
            return UV_EBADF
        try:
            address = self.sock.getpeername() if peer else self.sock.getsockname()
        except OSError as exc:
            return uv.code_of(exc)
        out["address"] = address[0]
        out["family"] = "IPv4" if self.family == socket.AF_INET else "IPv6"
        out["port"] = address[1]
        return 0

    def getsockname(self, out: Any) -> int:
        return self._name(out, False)

    def getpeername(self, out: Any) -> int:
        return self._name(out, True)

    # -- options --------------------------------------------------------------------------

    def _setsockopt(self, level: int, name: int, value: Any) -> int:
        if self.sock is None:
            return UV_EBADF
        try:
            self.sock.setsockopt(level, name, value)
        except OSError as exc:
            return uv.code_of(exc)
        return 0

    def _ip_option(self, v4: int, v6: int, value: int) -> int:
        if self.family == socket.AF_INET6:
            return self._setsockopt(socket.IPPROTO_IPV6, v6, value)
        return self._setsockopt(socket.IPPROTO_IP, v4, value)

    def setTTL(self, ttl: Any) -> int:
        ttl = wrap_int32(ttl)
        if ttl < 1 or ttl > 255:
            return UV_EINVAL
        return self._ip_option(socket.IP_TTL, socket.IPV6_UNICAST_HOPS, ttl)

    def setMulticastTTL(self, ttl: Any) -> int:
        ttl = wrap_int32(ttl)
        if ttl < 0 or ttl > 255:
            return UV_EINVAL
        return self._ip_option(socket.IP_MULTICAST_TTL, socket.IPV6_MULTICAST_HOPS, ttl)

    def setMulticastLoopback(self, flag: Any) -> int:
        flag = wrap_int32(flag)
        if flag < 0 or flag > 255:
            return UV_EINVAL
        return self._ip_option(socket.IP_MULTICAST_LOOP, socket.IPV6_MULTICAST_LOOP, flag)

    def setBroadcast(self, flag: Any) -> int:
        return self._setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, wrap_int32(flag))

    def setMulticastInterface(self, iface: Any) -> int:
        # (libuv parses the address first: a bad one is EINVAL even without a socket)
        text = as_text(iface)
        packed4 = parse_ip4(text)
        if packed4 is not None:
            return self._setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, packed4)
        parsed6 = parse_ip6(text)
        if parsed6 is not None:
            return self._setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, parsed6[2])
        return UV_EINVAL

    def _membership(self, group: Any, iface: Any, join: bool) -> int:
        group = as_text(group)
        iface = None if iface is None or iface is Undefined else as_text(iface)
        packed = parse_ip4(group)
        if packed is not None:
            err = self._deferred_bind(socket.AF_INET, UV_UDP_REUSEADDR)
            if err:
                return err
            if iface is None:
                local = b"\0\0\0\0"
            else:
                local = parse_ip4(iface)
                if local is None:
                    return UV_EINVAL
            name = socket.IP_ADD_MEMBERSHIP if join else socket.IP_DROP_MEMBERSHIP
            return self._setsockopt(socket.IPPROTO_IP, name, packed + local)
        parsed = parse_ip6(group)
        if parsed is None:
            return UV_EINVAL
        err = self._deferred_bind(socket.AF_INET6, UV_UDP_REUSEADDR)
        if err:
            return err
        scope = 0
        if iface is not None:
            local6 = parse_ip6(iface)
            if local6 is None:
                return UV_EINVAL
            scope = local6[2]
        name = socket.IPV6_JOIN_GROUP if join else socket.IPV6_LEAVE_GROUP
        return self._setsockopt(socket.IPPROTO_IPV6, name, parsed[1] + struct.pack("@I", scope))

    def addMembership(self, group: Any, iface: Any = None) -> int:
        return self._membership(group, iface, True)

    def dropMembership(self, group: Any, iface: Any = None) -> int:
        return self._membership(group, iface, False)

    def _source_membership(self, source: Any, group: Any, iface: Any, join: bool) -> int:
        source, group = as_text(source), as_text(group)
        iface = None if iface is None or iface is Undefined else as_text(iface)
        group4 = parse_ip4(group)
        if group4 is None:
            group6 = parse_ip6(group)
            if group6 is None:
                return UV_EINVAL
            source6 = parse_ip6(source)
            if source6 is None:
                return UV_EINVAL
            err = self._deferred_bind(socket.AF_INET6, UV_UDP_REUSEADDR)
            if err:
                return err
            scope = 0
            if iface is not None:
                local6 = parse_ip6(iface)
                if local6 is None:
                    return UV_EINVAL
                scope = local6[2]
            # struct group_source_req: interface index, then two sockaddr_storage
            def storage(packed: bytes) -> bytes:
                return struct.pack("@HHI16sI", socket.AF_INET6, 0, 0, packed, 0).ljust(128, b"\0")

            value = struct.pack("@I4x", scope) + storage(group6[1]) + storage(source6[1])
            name = _MCAST_JOIN_SOURCE_GROUP if join else _MCAST_LEAVE_SOURCE_GROUP
            return self._setsockopt(socket.IPPROTO_IPV6, name, value)
        source4 = parse_ip4(source)
        if source4 is None:
            return UV_EINVAL
        err = self._deferred_bind(socket.AF_INET, UV_UDP_REUSEADDR)
        if err:
            return err
        if iface is None:
            local = b"\0\0\0\0"
        else:
            local = parse_ip4(iface)
            if local is None:
                return UV_EINVAL
        name = _IP_ADD_SOURCE_MEMBERSHIP if join else _IP_DROP_SOURCE_MEMBERSHIP
        # struct ip_mreq_source: group, interface, source
        return self._setsockopt(socket.IPPROTO_IP, name, group4 + local + source4)

    def addSourceSpecificMembership(self, source: Any, group: Any, iface: Any = None) -> int:
        return self._source_membership(source, group, iface, True)

    def dropSourceSpecificMembership(self, source: Any, group: Any, iface: Any = None) -> int:
        return self._source_membership(source, group, iface, False)

    def bufferSize(self, size: Any, is_recv: Any, ctx: Any) -> Any:
        """Get (size 0) or set SO_RCVBUF/SO_SNDBUF; on failure fill `ctx` and return undefined."""
        syscall = "uv_recv_buffer_size" if is_recv else "uv_send_buffer_size"
        option = socket.SO_RCVBUF if is_recv else socket.SO_SNDBUF
        if not isinstance(size, int) or not -(2**31) <= size < 2**31:
            err = UV_EINVAL
        elif self.sock is None:
            err = UV_EBADF
        else:
            try:
                if size == 0:
                    return self.sock.getsockopt(socket.SOL_SOCKET, option)
                self.sock.setsockopt(socket.SOL_SOCKET, option, size & 0xFFFFFFFF)
                return size
            except OSError as exc:
                err = uv.code_of(exc)
        ctx["errno"] = err
        ctx["code"] = uv.name_of(err)
        ctx["message"] = uv.message_of(err)
        ctx["syscall"] = syscall
        return Undefined

    # -- closing --------------------------------------------------------------------------

    def release(self) -> None:
        self.receiving = False
        if self.watcher is not None:
            self.watcher.close()
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass  # another handle opened on the same fd closed it first, as libuv tolerates
            self.sock = None
            self.poller = None
            self.connected = False
        # queued datagrams are cancelled, their callbacks still run (libuv: UV_ECANCELED)
        while self.queue:
            req, _data, _addr, has_callback, size, async_id = self.queue.popleft()
            self._complete(req, -errno.ECANCELED, size, has_callback, async_id)


def create(realm: Any) -> dict:
    return {
        "UDP": export_class(realm, UDP),
        "SendWrap": export_class(realm, None, "SendWrap"),
        "constants": {
            "UV_UDP_IPV6ONLY": UV_UDP_IPV6ONLY,
            "UV_UDP_REUSEADDR": UV_UDP_REUSEADDR,
            "UV_UDP_REUSEPORT": UV_UDP_REUSEPORT,
        },
    }
