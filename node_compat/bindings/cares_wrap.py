"""Node's `cares_wrap` binding: getaddrinfo/getnameinfo off the loop thread, and address helpers.

`dns.lookup()` and `dns.lookupService()` are the system resolver, which
blocks; as in Node they run on the loop's thread pool and complete in the
poll phase through the request object's `oncomplete`. Resolution failures are
reported with libuv's `UV_EAI_*` codes, which `dnsException` turns into
`getaddrinfo ENOTFOUND host`-style errors.
"""

from __future__ import annotations

import socket

from jsbridge import as_text

from . import uv
from .native import export_class

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any

DNS_ORDER_VERBATIM = 0
DNS_ORDER_IPV4_FIRST = 1
DNS_ORDER_IPV6_FIRST = 2

_FAMILIES = {0: socket.AF_UNSPEC, 4: socket.AF_INET, 6: socket.AF_INET6}

# glibc's EAI_* (negative) -> libuv's name for it
_EAI_NAMES = {
    getattr(socket, name): name
    for name in (
        "EAI_ADDRFAMILY", "EAI_AGAIN", "EAI_BADFLAGS", "EAI_FAIL", "EAI_FAMILY", "EAI_MEMORY",
        "EAI_NODATA", "EAI_NONAME", "EAI_OVERFLOW", "EAI_SERVICE", "EAI_SOCKTYPE",
    )
    if hasattr(socket, name)
}


def _error_code(exc: OSError) -> int:
    """The negative libuv code of a resolver failure."""
    if isinstance(exc, socket.gaierror):
        if exc.errno == getattr(socket, "EAI_SYSTEM", None):
            return uv.CODES["EAI_FAIL"]
        name = _EAI_NAMES.get(exc.errno)
        return uv.CODES.get(name, uv.CODES["EAI_FAIL"]) if name else uv.CODES["EAI_FAIL"]
    return uv.code_of(exc)


def _to_ascii(hostname: str) -> str:
    """The hostname in ASCII (IDNA), as Node hands it to the resolver."""
    try:
        return hostname.encode("idna").decode("ascii")
    except UnicodeError:
        return hostname


def resolve(hostname: str, family: int, hints: int, order: int) -> list[str]:
    """Addresses of `hostname` (blocking): what runs on the thread pool."""
    infos = socket.getaddrinfo(_to_ascii(hostname), None, _FAMILIES.get(family, socket.AF_UNSPEC),
                               socket.SOCK_STREAM, 0, hints)
    v4 = []
    v6 = []
    verbatim = []
    for fam, _type, _proto, _canon, sockaddr in infos:
        address = sockaddr[0]
        if fam == socket.AF_INET:
            v4.append(address)
        elif fam == socket.AF_INET6:
            v6.append(address)
        else:
            continue
        verbatim.append(address)
    if order == DNS_ORDER_IPV4_FIRST:
        return v4 + v6
    if order == DNS_ORDER_IPV6_FIRST:
        return v6 + v4
    return verbatim


def canonicalize_ip(ip: Any) -> Any:
    """The canonical text of an IP address, or undefined when it is not one."""
    text = as_text(ip)
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            return socket.inet_ntop(family, socket.inet_pton(family, text))
        except (OSError, ValueError):
            continue
    return None


def system_servers(path: str = "/etc/resolv.conf") -> list:
    """The `nameserver` entries of resolv.conf as [address, port] pairs (c-ares reads the same)."""
    servers = []
    try:
        with open(path) as fh:
            lines = fh.read().splitlines()
    except OSError:
        lines = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 2 and fields[0] == "nameserver" and canonicalize_ip(fields[1].partition("%")[0]):
            servers.append([fields[1], 53])
    return servers or [["127.0.0.1", 53]]


def create(realm: Any) -> dict:
    loop = realm.loop

    def getaddrinfo(req: Any, hostname: Any, family: Any, hints: Any, order: Any = DNS_ORDER_VERBATIM) -> int:
        host = as_text(hostname)
        fam, flags, how = int(family or 0), int(hints or 0), int(order or 0)
        async_id = realm.new_async_id()  # the request's, as Node's GetAddrInfoReqWrap

        def done(addresses: Any, error: Any) -> None:
            if realm.exiting:
                return
            if error is not None:
                realm.make_callback(req, "oncomplete", _error_code(error), [], async_id=async_id)
            elif not addresses:
                realm.make_callback(req, "oncomplete", uv.CODES["EAI_NODATA"], [], async_id=async_id)
            else:
                realm.make_callback(req, "oncomplete", 0, addresses, async_id=async_id)

        loop.run_in_thread(lambda: resolve(host, fam, flags, how), done)
        return 0

    def getnameinfo(req: Any, host: Any, port: Any) -> int:
        address = as_text(host)
        sockaddr = (address, int(port)) if ":" not in address else (address, int(port), 0, 0)
        async_id = realm.new_async_id()  # the request's, as Node's GetNameInfoReqWrap

        def done(result: Any, error: Any) -> None:
            if realm.exiting:
                return
            if error is not None:
                realm.make_callback(req, "oncomplete", _error_code(error), None, None, async_id=async_id)
            else:
                realm.make_callback(req, "oncomplete", 0, result[0], result[1], async_id=async_id)

        loop.run_in_thread(lambda: socket.getnameinfo(sockaddr, socket.NI_NAMEREQD), done)
        return 0

    return {
        "GetAddrInfoReqWrap": export_class(realm, None, "GetAddrInfoReqWrap"),
        "GetNameInfoReqWrap": export_class(realm, None, "GetNameInfoReqWrap"),
        "getaddrinfo": getaddrinfo,
        "getnameinfo": getnameinfo,
        "canonicalizeIP": canonicalize_ip,
        "systemServers": system_servers,
        "AI_ADDRCONFIG": socket.AI_ADDRCONFIG,
        "AI_ALL": socket.AI_ALL,
        "AI_V4MAPPED": socket.AI_V4MAPPED,
        "DNS_ORDER_VERBATIM": DNS_ORDER_VERBATIM,
        "DNS_ORDER_IPV4_FIRST": DNS_ORDER_IPV4_FIRST,
        "DNS_ORDER_IPV6_FIRST": DNS_ORDER_IPV6_FIRST,
    }
