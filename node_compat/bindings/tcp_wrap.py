"""Node's `tcp_wrap` binding: the `TCP` handle behind net.Socket and net.Server.

A `TCP` handle creates its socket lazily, when the address family is known
(bind, connect) as libuv does. Servers accept in a loop with a per-turn cap
and hand each connection to JS as a new `TCP` handle through
`onconnection(status, clientHandle)`; a non-blocking connect completes on
writability, reading `SO_ERROR`, through the request's
`oncomplete(status, handle, req, readable, writable)`.
"""

from __future__ import annotations

import errno
import socket
import struct

from jsbridge import Undefined, as_text

from . import uv
from .native import export_class
from .stream_wrap import StreamBase, as_int, fd_exists, to_int32

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional

SOCKET, SERVER = 0, 1
UV_TCP_IPV6ONLY = 1
UV_TCP_REUSEPORT = 2

_NONBLOCK = getattr(socket, "SOCK_NONBLOCK", 0)  # a socket born non-blocking spares a system call

UV_EINVAL = -errno.EINVAL
UV_EBADF = -errno.EBADF


# The last literal each family accepted: a program connects to the same few
# addresses, and validating one costs ~1,000 instructions.
_last_literal: dict = {}


def parse_address(family: int, address: Any) -> Optional[str]:
    """The address text if it is a literal of `family` (never a name to look up), else None."""
    if type(address) is str and _last_literal.get(family) == address:
        return address
    if not isinstance(address, str):
        address = as_text(address) if address is not None and address is not Undefined else ""
    literal = address.partition("%")[0] if family == socket.AF_INET6 else address
    try:
        socket.inet_pton(family, literal)
    except (OSError, ValueError):
        return None
    _last_literal[family] = address
    return address


def ipv6_sockaddr(host: str, port: int) -> tuple:
    """The socket address of an IPv6 literal, its zone (`%name`) made a scope id (uv.ip6_scope_id)."""
    literal, _, zone = host.partition("%")
    return (literal, port, 0, uv.ip6_scope_id(zone))


def fill_address(out: Any, sockaddr: Any, family: int) -> None:
    """Fill a JS object with `address`, `family` and `port` as Node's AddressToJS does."""
    if family == socket.AF_INET6:
        host, port, _flow, scope = sockaddr
        if scope and host.lower().startswith("fe80") and "%" not in host:
            try:
                host = f"{host}%{socket.if_indextoname(scope)}"
            except OSError:
                host = f"{host}%{scope}"
        out["address"] = host
        out["family"] = "IPv6"
        out["port"] = port
    else:
        out["address"] = sockaddr[0]
        out["family"] = "IPv4"
        out["port"] = sockaddr[1]


class TCP(StreamBase):
    """A TCP socket: a connection, or a server accepting them."""

    JS_METHODS = StreamBase.JS_METHODS + (
        "open", "bind", "listen", "connect", "bind6", "connect6", "getsockname", "getpeername",
        "setNoDelay", "setKeepAlive", "reset",
    )
    JS_TCP_FIELDS = True
    JS_OWNER = True


    __slots__ = ("_delayed_error", "_nodelay", "_keepalive", "_server")

    def __init__(self, realm: Any, _kind: Any = SOCKET) -> None:
        """`new TCP(type)` from JS; for an accepted connection, StreamBase._accept makes it."""
        StreamBase.__init__(self, realm)  # (not super(): an object less per handle)
        self._delayed_error = 0  # an address in use, reported by listen() or connect()
        self._nodelay = False
        self._keepalive: Optional[int] = None
        self._server = _kind == SERVER

    @property
    def PROVIDER(self) -> int:
        """TCPWRAP, or TCPSERVERWRAP for a server (see getProviderType)."""
        return 39 if self._server else 40

    # -- the socket --------------------------------------------------------------

    def _ensure_socket(self, family: int) -> int:
        if self.sock is not None:
            return 0
        if self.closing:
            return UV_EBADF
        try:
            sock = socket.SocketType(family, socket.SOCK_STREAM | _NONBLOCK)
        except OSError as exc:
            return uv.code_of(exc)
        self.attach_socket(sock)
        if self._nodelay or self._keepalive is not None:
            return self._apply_options()
        return 0

    def _apply_options(self) -> int:
        try:
            if self._nodelay:
                self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._keepalive is not None:
                self._set_keepalive(True, self._keepalive)
        except OSError as exc:
            return uv.code_of(exc)
        return 0

    def open(self, fd: Any) -> int:
        if self.sock is not None or fd_exists(self.loop, as_int(fd)):
            return -errno.EEXIST
        try:
            sock = socket.socket(fileno=as_int(fd))
        except OSError as exc:
            return uv.code_of(exc)
        self.attach_socket(sock)
        self.readable = self.writable = True
        return self._apply_options()

    # -- options -------------------------------------------------------------------

    def setNoDelay(self, enable: Any) -> int:
        self._nodelay = bool(enable)
        if self.sock is None:
            return 0
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, int(self._nodelay))
        except OSError as exc:
            return uv.code_of(exc)
        return 0

    def setKeepAlive(self, enable: Any, delay: Any = 0) -> int:
        delay = as_int(delay)
        self._keepalive = delay if enable else None
        if self.sock is None:
            return 0
        try:
            self._set_keepalive(bool(enable), delay)
        except OSError as exc:
            return uv.code_of(exc)
        return 0

    def _set_keepalive(self, enable: bool, delay: int) -> None:
        sock = self.sock
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, int(enable))
        if enable and delay >= 1 and hasattr(socket, "TCP_KEEPIDLE"):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, delay)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 1)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 10)

    # -- bind and listen -------------------------------------------------------------

    def bind(self, address: Any, port: Any, flags: Any = 0) -> int:
        return self._bind(socket.AF_INET, address, port, flags)

    def bind6(self, address: Any, port: Any, flags: Any = 0) -> int:
        return self._bind(socket.AF_INET6, address, port, flags)

    def _bind(self, family: int, address: Any, port: Any, flags: Any) -> int:
        host = parse_address(family, address)
        if host is None or self.closing:
            return UV_EINVAL
        flags = as_int(flags)
        err = self._ensure_socket(family)
        if err:
            return err
        sock = self.sock
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if flags & UV_TCP_REUSEPORT:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, int(bool(flags & UV_TCP_IPV6ONLY)))
            port = as_int(port) & 0xFFFF
            sock.bind(ipv6_sockaddr(host, port) if family == socket.AF_INET6 else (host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                # libuv reports an address in use from listen() or connect(), not bind()
                self._delayed_error = uv.code_of(exc)
                return 0
            if exc.errno == errno.EAFNOSUPPORT:
                return UV_EINVAL
            return uv.code_of(exc)
        return 0

    def listen(self, backlog: Any) -> int:
        backlog = to_int32(self.realm, backlog)  # (first, as Node converts it before anything else)
        if self.closing:
            return UV_EINVAL  # (libuv's uv_listen refuses a closing handle first of all)
        if self._delayed_error:
            return self._delayed_error
        if self.sock is None:
            err = self._ensure_socket(socket.AF_INET)
            if err:
                return err
        return self.start_listening(backlog)

    # -- connect -------------------------------------------------------------------------

    def connect(self, req: Any, address: Any, port: Any) -> int:
        return self._connect(socket.AF_INET, req, address, port)

    def connect6(self, req: Any, address: Any, port: Any) -> int:
        return self._connect(socket.AF_INET6, req, address, port)

    def _connect(self, family: int, req: Any, address: Any, port: Any) -> int:
        host = parse_address(family, address)
        if host is None:
            return UV_EINVAL
        err = self._ensure_socket(family)
        if err:
            return err
        self._delayed_error = 0
        port = port & 0xFFFF if type(port) is int else as_int(port) & 0xFFFF  # (as_int, inline for an int)
        return self.start_connect(req, ipv6_sockaddr(host, port) if family == socket.AF_INET6 else (host, port))

    def connect_error_is_delayed(self, err: int) -> bool:
        return err == errno.ECONNREFUSED

    # -- addresses ---------------------------------------------------------------------

    def getsockname(self, out: Any) -> int:
        return self._address(out, "getsockname")

    def getpeername(self, out: Any) -> int:
        return self._address(out, "getpeername")

    def _address(self, out: Any, which: str) -> int:
        if self._delayed_error:
            return self._delayed_error
        if self.sock is None:
            return UV_EBADF
        try:
            sockaddr = getattr(self.sock, which)()
        except OSError as exc:
            return uv.code_of(exc)
        fill_address(out, sockaddr, self.sock.family)
        return 0

    # -- closing -------------------------------------------------------------------------

    def reset(self, callback: Any = None) -> int:
        """Close with an RST instead of a FIN (libuv's uv_tcp_close_reset)."""
        if self._shutdown_req is not None:
            return UV_EINVAL
        if self.sock is not None:
            try:
                self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            except OSError as exc:
                return uv.code_of(exc)
        self.close(callback)
        return 0


def create(realm: Any) -> dict:
    return {
        "TCP": export_class(realm, TCP),
        "TCPConnectWrap": export_class(realm, None, "TCPConnectWrap"),
        "constants": {
            "SOCKET": SOCKET,
            "SERVER": SERVER,
            "UV_TCP_IPV6ONLY": UV_TCP_IPV6ONLY,
            "UV_TCP_REUSEPORT": UV_TCP_REUSEPORT,
        },
    }
