"""libuv's error codes: errno <-> `UV_E*` name <-> libuv's message text.

libuv reports errors as negated errnos on Unix and has its own messages
(`uv_strerror`), which Node puts in system errors (e.g. "address already in
use"); they differ from `os.strerror`'s, so they are listed here.
"""

from __future__ import annotations

import errno as _errno
import socket as _socket

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any

UV_EOF = -4095

# name -> libuv message, in libuv's order (uv-common.h UV_ERRNO_MAP)
_MESSAGES = {
    "E2BIG": "argument list too long",
    "EACCES": "permission denied",
    "EADDRINUSE": "address already in use",
    "EADDRNOTAVAIL": "address not available",
    "EAFNOSUPPORT": "address family not supported",
    "EAGAIN": "resource temporarily unavailable",
    "EAI_ADDRFAMILY": "address family not supported",
    "EAI_AGAIN": "temporary failure",
    "EAI_BADFLAGS": "bad ai_flags value",
    "EAI_BADHINTS": "invalid value for hints",
    "EAI_CANCELED": "request canceled",
    "EAI_FAIL": "permanent failure",
    "EAI_FAMILY": "ai_family not supported",
    "EAI_MEMORY": "out of memory",
    "EAI_NODATA": "no address",
    "EAI_NONAME": "unknown node or service",
    "EAI_OVERFLOW": "argument buffer overflow",
    "EAI_PROTOCOL": "resolved protocol is unknown",
    "EAI_SERVICE": "service not available for socket type",
    "EAI_SOCKTYPE": "socket type not supported",
    "EALREADY": "connection already in progress",
    "EBADF": "bad file descriptor",
    "EBUSY": "resource busy or locked",
    "ECANCELED": "operation canceled",
    "ECHARSET": "invalid Unicode character",
    "ECONNABORTED": "software caused connection abort",
    "ECONNREFUSED": "connection refused",
    "ECONNRESET": "connection reset by peer",
    "EDESTADDRREQ": "destination address required",
    "EEXIST": "file already exists",
    "EFAULT": "bad address in system call argument",
    "EFBIG": "file too large",
    "EHOSTUNREACH": "host is unreachable",
    "EINTR": "interrupted system call",
    "EINVAL": "invalid argument",
    "EIO": "i/o error",
    "EISCONN": "socket is already connected",
    "EISDIR": "illegal operation on a directory",
    "ELOOP": "too many symbolic links encountered",
    "EMFILE": "too many open files",
    "EMSGSIZE": "message too long",
    "ENAMETOOLONG": "name too long",
    "ENETDOWN": "network is down",
    "ENETUNREACH": "network is unreachable",
    "ENFILE": "file table overflow",
    "ENOBUFS": "no buffer space available",
    "ENODEV": "no such device",
    "ENOENT": "no such file or directory",
    "ENOMEM": "not enough memory",
    "ENONET": "machine is not on the network",
    "ENOPROTOOPT": "protocol not available",
    "ENOSPC": "no space left on device",
    "ENOSYS": "function not implemented",
    "ENOTCONN": "socket is not connected",
    "ENOTDIR": "not a directory",
    "ENOTEMPTY": "directory not empty",
    "ENOTSOCK": "socket operation on non-socket",
    "ENOTSUP": "operation not supported on socket",
    "EOVERFLOW": "value too large for defined data type",
    "EPERM": "operation not permitted",
    "EPIPE": "broken pipe",
    "EPROTO": "protocol error",
    "EPROTONOSUPPORT": "protocol not supported",
    "EPROTOTYPE": "protocol wrong type for socket",
    "ERANGE": "result too large",
    "EROFS": "read-only file system",
    "ESHUTDOWN": "cannot send after transport endpoint shutdown",
    "ESPIPE": "invalid seek",
    "ESRCH": "no such process",
    "ETIMEDOUT": "connection timed out",
    "ETXTBSY": "text file is busy",
    "EXDEV": "cross-device link not permitted",
    "UNKNOWN": "unknown error",
    "EOF": "end of file",
    "ENXIO": "no such device or address",
    "EMLINK": "too many links",
    "EHOSTDOWN": "host is down",
    "EREMOTEIO": "remote I/O error",
    "ENOTTY": "inappropriate ioctl for device",
    "EFTYPE": "inappropriate file type or format",
    "EILSEQ": "illegal byte sequence",
    "ESOCKTNOSUPPORT": "socket type not supported",
    "ENODATA": "no data available",
    "EUNATCH": "protocol driver not attached",
}

# getaddrinfo failures: libuv's own negative codes (not errnos) on Linux
_EAI_CODES = {
    "EAI_ADDRFAMILY": -3000,
    "EAI_AGAIN": -3001,
    "EAI_BADFLAGS": -3002,
    "EAI_CANCELED": -3003,
    "EAI_FAIL": -3004,
    "EAI_FAMILY": -3005,
    "EAI_MEMORY": -3006,
    "EAI_NODATA": -3007,
    "EAI_NONAME": -3008,
    "EAI_OVERFLOW": -3009,
    "EAI_SERVICE": -3010,
    "EAI_SOCKTYPE": -3011,
    "EAI_BADHINTS": -3013,
    "EAI_PROTOCOL": -3014,
}
_SPECIAL = {"UNKNOWN": -4094, "EOF": UV_EOF, "ECHARSET": -4080, "EFTYPE": -4028}

CODES: dict[str, int] = {}
for _name in _MESSAGES:
    if _name in _EAI_CODES:
        CODES[_name] = _EAI_CODES[_name]
    elif _name in _SPECIAL:
        CODES[_name] = _SPECIAL[_name]
    elif hasattr(_errno, _name):
        CODES[_name] = -getattr(_errno, _name)
NAMES = {code: name for name, code in CODES.items()}


def code_of(exc: OSError) -> int:
    """The negative libuv code of an OSError (UV_UNKNOWN when it has no errno)."""
    return -exc.errno if exc.errno else CODES["UNKNOWN"]


def name_of(code: int) -> str:
    return NAMES.get(code, f"Unknown system error {code}")


def message_of(code: int) -> str:
    name = NAMES.get(code)
    return _MESSAGES[name] if name else f"Unknown system error {code}"


def create(realm: Any) -> dict:
    return {
        "errname": name_of,
        "getErrorMap": lambda: [[code, [name, _MESSAGES[name]]] for name, code in CODES.items()],
        "getErrorMessage": message_of,
        "codes": dict(CODES, **{"UV_" + k: v for k, v in CODES.items()}),
    }


def ip6_scope_id(zone: str) -> int:
    """The scope id of an IPv6 address's `%zone`, as libuv's uv_ip6_addr makes it.

    The zone is an interface's name: one the machine lacks, or a number,
    is scope 0 (libuv looks the name up and ignores what it cannot find).
    """
    if not zone:
        return 0
    try:
        return _socket.if_nametoindex(zone)
    except (OSError, ValueError):
        return 0
