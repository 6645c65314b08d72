"""Node's `os` binding: facts about the machine, read the way libuv reads them.

Linux facts come from /proc and /sys (CPU times, memory, load, uptime), from
libc through ctypes where Python has no wrapper (`getifaddrs` for interface
addresses with their netmasks, MACs and IPv6 scope ids), and from the `os`,
`pwd` and `socket` modules otherwise. Failures come back as negative libuv
errnos, for `lib/os.js` to turn into Node's `ERR_SYSTEM_ERROR`.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import pwd
import socket
import sys
import time

from . import uv

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional

_IFF_UP = 0x1
_IFF_LOOPBACK = 0x8
_IFF_RUNNING = 0x40
_AF_PACKET = getattr(socket, "AF_PACKET", 17)


class _SockAddr(ctypes.Structure):
    _fields_ = [("family", ctypes.c_ushort), ("data", ctypes.c_ubyte * 14)]


class _SockAddrIn(ctypes.Structure):
    _fields_ = [("family", ctypes.c_ushort), ("port", ctypes.c_ushort), ("addr", ctypes.c_ubyte * 4)]


class _SockAddrIn6(ctypes.Structure):
    _fields_ = [
        ("family", ctypes.c_ushort),
        ("port", ctypes.c_ushort),
        ("flowinfo", ctypes.c_uint32),
        ("addr", ctypes.c_ubyte * 16),
        ("scope_id", ctypes.c_uint32),
    ]


class _SockAddrLL(ctypes.Structure):
    _fields_ = [
        ("family", ctypes.c_ushort),
        ("protocol", ctypes.c_ushort),
        ("ifindex", ctypes.c_int),
        ("hatype", ctypes.c_ushort),
        ("pkttype", ctypes.c_ubyte),
        ("halen", ctypes.c_ubyte),
        ("addr", ctypes.c_ubyte * 8),
    ]


class _IfAddrs(ctypes.Structure):
    pass


_IfAddrs._fields_ = [
    ("next", ctypes.POINTER(_IfAddrs)),
    ("name", ctypes.c_char_p),
    ("flags", ctypes.c_uint),
    ("addr", ctypes.POINTER(_SockAddr)),
    ("netmask", ctypes.POINTER(_SockAddr)),
    ("ifu", ctypes.POINTER(_SockAddr)),
    ("data", ctypes.c_void_p),
]

_libc: Optional[ctypes.CDLL] = None


def _c_library() -> ctypes.CDLL:
    global _libc
    if _libc is None:
        lib = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        lib.getifaddrs.argtypes = [ctypes.POINTER(ctypes.POINTER(_IfAddrs))]
        lib.getifaddrs.restype = ctypes.c_int
        lib.freeifaddrs.argtypes = [ctypes.POINTER(_IfAddrs)]
        lib.freeifaddrs.restype = None
        _libc = lib
    return _libc


def _ip_text(sa: Any, family: int) -> str:
    """The address of a sockaddr of `family` (a NULL netmask reads as all zeros)."""
    if family == socket.AF_INET:
        raw = bytes(ctypes.cast(sa, ctypes.POINTER(_SockAddrIn)).contents.addr) if sa else bytes(4)
    else:
        raw = bytes(ctypes.cast(sa, ctypes.POINTER(_SockAddrIn6)).contents.addr) if sa else bytes(16)
    return socket.inet_ntop(family, raw)


def interface_addresses() -> Any:
    """[name, address, netmask, family, mac, internal, scopeid] per address, in getifaddrs order.

    As libuv does, interfaces that are not up and running are skipped, and the
    MAC comes from the interface's link-layer (AF_PACKET) entry.
    """
    lib = _c_library()
    head = ctypes.POINTER(_IfAddrs)()
    if lib.getifaddrs(ctypes.byref(head)) != 0:
        return -ctypes.get_errno()
    try:
        entries = []
        macs: dict[bytes, str] = {}
        node = head
        while node:
            ent = node.contents
            node = ent.next
            if not (ent.flags & _IFF_UP and ent.flags & _IFF_RUNNING) or not ent.addr:
                continue
            family = ent.addr.contents.family
            if family == _AF_PACKET:
                ll = ctypes.cast(ent.addr, ctypes.POINTER(_SockAddrLL)).contents
                macs[ent.name] = ":".join(f"{b:02x}" for b in bytes(ll.addr)[:6])
            elif family in (socket.AF_INET, socket.AF_INET6):
                scope = 0
                if family == socket.AF_INET6:
                    scope = ctypes.cast(ent.addr, ctypes.POINTER(_SockAddrIn6)).contents.scope_id
                entries.append([
                    ent.name,
                    _ip_text(ent.addr, family),
                    _ip_text(ent.netmask, family),
                    "IPv4" if family == socket.AF_INET else "IPv6",
                    bool(ent.flags & _IFF_LOOPBACK),
                    scope,
                ])
    finally:
        lib.freeifaddrs(head)
    out = []
    for name, address, netmask, family, internal, scope in entries:
        text = name.decode("utf-8", "replace")
        out.append([text, address, netmask, family, macs.get(name, "00:00:00:00:00:00"), internal, scope])
    return out


def _read(path: str) -> Optional[str]:
    try:
        with open(path) as fh:
            return fh.read()
    except OSError:
        return None


def _meminfo(field: str) -> int:
    text = _read("/proc/meminfo") or ""
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def cpus() -> list:
    """[model, speed MHz, user, nice, sys, idle, irq] per CPU; times in milliseconds."""
    ms_per_tick = 1000 // os.sysconf("SC_CLK_TCK")
    models = [line.split(":", 1)[1].strip() for line in (_read("/proc/cpuinfo") or "").splitlines()
              if line.startswith("model name")]
    out = []
    for line in (_read("/proc/stat") or "").splitlines():
        if not line.startswith("cpu") or line.startswith("cpu "):
            continue
        fields = line.split()
        index = int(fields[0][3:])
        user, nice, system, idle, _iowait, irq = (int(v) for v in fields[1:7])
        freq = _read(f"/sys/devices/system/cpu/cpu{index}/cpufreq/scaling_cur_freq")
        speed = int(freq) // 1000 if freq and freq.strip().isdigit() else 0
        model = models[index] if index < len(models) else "unknown"
        out.append([model, speed, user * ms_per_tick, nice * ms_per_tick, system * ms_per_tick,
                    idle * ms_per_tick, irq * ms_per_tick])
    return out


def uptime() -> float:
    text = _read("/proc/uptime")
    if text:
        return float(text.split()[0])
    return time.clock_gettime(time.CLOCK_BOOTTIME)


def loadavg() -> list:
    text = _read("/proc/loadavg")
    if text:
        return [float(v) for v in text.split()[:3]]
    return list(os.getloadavg())


def user_info() -> Any:
    """[uid, gid, username, homedir, shell] of the effective user, or a negative errno."""
    try:
        entry = pwd.getpwuid(os.geteuid())
    except KeyError:
        return -2  # ENOENT, as getpwuid_r reports a missing entry
    return [entry.pw_uid, entry.pw_gid, entry.pw_name, entry.pw_dir, entry.pw_shell]


def home_directory() -> Any:
    home = os.environ.get("HOME")
    if home is not None:
        return home
    info = user_info()
    return info if isinstance(info, int) else info[3]


def get_priority(pid: int) -> list:
    """[0, priority] or [negative errno, 0]."""
    try:
        return [0, os.getpriority(os.PRIO_PROCESS, pid)]
    except OSError as exc:
        return [uv.code_of(exc), 0]


def set_priority(pid: int, priority: int) -> int:
    try:
        os.setpriority(os.PRIO_PROCESS, pid, priority)
        return 0
    except OSError as exc:
        return uv.code_of(exc)


def hostname() -> Any:
    try:
        return socket.gethostname()
    except OSError as exc:
        return uv.code_of(exc)


def available_parallelism() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def os_information() -> list:
    info = os.uname()
    return [info.sysname, info.version, info.release, info.machine]


def create(realm: Any) -> dict:
    return {
        "getHostname": hostname,
        "getOSInformation": os_information,
        "getHomeDirectory": home_directory,
        "getUptime": uptime,
        "getLoadAvg": loadavg,
        "getTotalMem": lambda: _meminfo("MemTotal"),
        "getFreeMem": lambda: _meminfo("MemAvailable"),
        "getCPUs": cpus,
        "getInterfaceAddresses": interface_addresses,
        "getUserInfo": user_info,
        "getPriority": get_priority,
        "setPriority": set_priority,
        "getAvailableParallelism": available_parallelism,
        "isBigEndian": sys.byteorder == "big",
    }
