"""Process facts and methods behind `process`: ids, clocks, cwd, env, exit, signals."""

from __future__ import annotations

import os
import resource
import signal
import sys
import time

from jsbridge import JSValue, as_text

from . import uv

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any

_START = time.monotonic()


def _rss() -> int:
    with open("/proc/self/statm") as fh:
        pages = fh.read().split()
    return int(pages[1]) * os.sysconf("SC_PAGE_SIZE")


def _memory_usage(engine: Any) -> list:
    """process.memoryUsage()'s figures: the heap ones are QuickJS's own.

    heapTotal is what the engine holds from the allocator, heapUsed what its
    values take of that (a walk of the heap, ArrayBuffer contents included:
    QuickJS keeps them there). external and arrayBuffers, memory V8 keeps
    outside its heap, have no such place in QuickJS: 0.
    """
    usage = engine.memory_usage()
    return [_rss(), usage["malloc_size"], usage["memory_used_size"], 0, 0]


def _cpu_usage() -> list:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return [int(ru.ru_utime * 1e6), int(ru.ru_stime * 1e6)]


def _resource_usage() -> list:
    """getrusage(RUSAGE_SELF) in process.resourceUsage()'s order (CPU times in microseconds)."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return [int(ru.ru_utime * 1e6), int(ru.ru_stime * 1e6), ru.ru_maxrss, ru.ru_ixrss, ru.ru_idrss, ru.ru_isrss,
            ru.ru_minflt, ru.ru_majflt, ru.ru_nswap, ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd, ru.ru_msgrcv,
            ru.ru_nsignals, ru.ru_nvcsw, ru.ru_nivcsw]


_UNLIMITED = 2**64 - 1
_V1_UNLIMITED = 0x7FFFFFFFFFFFF000  # what cgroup v1 shows for "no limit"


def _read_number(path: str) -> Any:
    """The number (or "max") a cgroup file holds; None when it cannot be read."""
    try:
        with open(path) as fh:
            text = fh.read().strip()
    except OSError:
        return None
    if text == "max":
        return _UNLIMITED
    try:
        value = int(text)
    except ValueError:
        return None
    return _UNLIMITED if value == _V1_UNLIMITED else value


def _cgroup_memory() -> tuple:
    """(limit, usage) of this process's memory cgroup, v2 or v1: limit 0 when none can be read."""
    try:
        with open("/proc/self/cgroup") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return 0, 0
    for line in lines:
        hierarchy, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        if hierarchy == "0" and controllers == "":
            base = "/sys/fs/cgroup" + path.rstrip("/")
            limits = [v for v in (_read_number(base + "/memory.max"), _read_number(base + "/memory.high")) if v is not None]
            if limits:
                return min(limits), _read_number(base + "/memory.current") or 0
    for line in lines:
        hierarchy, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        if "memory" in controllers.split(","):
            base = "/sys/fs/cgroup/memory" + path.rstrip("/")
            limits = [v for v in (_read_number(base + "/memory.limit_in_bytes"),
                                  _read_number(base + "/memory.soft_limit_in_bytes")) if v is not None]
            if limits:
                return min(limits), _read_number(base + "/memory.usage_in_bytes") or 0
    return 0, 0


def _constrained_memory() -> float:
    return float(_cgroup_memory()[0])


def _available_memory() -> float:
    """Free memory, or what the memory cgroup still allows when that is less."""
    from .os import _meminfo

    free = _meminfo("MemAvailable")
    limit, usage = _cgroup_memory()
    if limit == 0:
        return float(free)
    return float(max(0, min(free, limit - usage)))


def _errno_call(fn: Any, *args: Any) -> Any:
    """Call `fn`: None, or [errno, code, message] for the OSError it raised (a C errno exception)."""
    import errno

    try:
        fn(*args)
    except OSError as exc:
        number = exc.errno or 0
        return [number, errno.errorcode.get(number, "UNKNOWN"), os.strerror(number)]
    return None


def _account(database: str, lookup: str, key: Any, field: str) -> Any:
    """`field` of the user or group `key` names (pwd/grp's `lookup`), or None when there is none."""
    try:
        return getattr(getattr(__import__(database), lookup)(key), field)
    except KeyError:
        return None


def _timezone_names() -> list:
    """[standard abbreviation, daylight abbreviation, whether the zone has daylight time]."""
    time.tzset()
    standard, daylight = time.tzname
    if standard in ("UTC", "Etc/UTC", "Universal", "Zulu"):
        standard = daylight = "UTC"
    return [standard, daylight, bool(time.daylight)]


def _chdir(path: str) -> Any:
    try:
        os.chdir(path)
        return 0
    except OSError as exc:
        return uv.code_of(exc)


def _kill(pid: int, sig: int) -> int:
    try:
        os.kill(int(pid), int(sig))
        return 0
    except OSError as exc:
        return uv.code_of(exc)


def _umask(mask: Any = None) -> int:
    if mask is None or not isinstance(mask, int):
        old = os.umask(0)
        os.umask(old)
        return old
    return os.umask(mask)


def _arch() -> str:
    machine = os.uname().machine.lower()
    return {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "i686": "ia32", "i386": "ia32"}.get(machine, machine)


def create(realm: Any) -> dict:
    from jsbridge import engine as _engine

    def write(fd: int, data: Any) -> int:
        if realm.exiting:
            return 0
        if type(data) is JSValue and not data.is_string:
            payload = data.to_bytes()
        else:
            payload = as_text(data).encode("utf-8", "surrogatepass")
        view = memoryview(payload)
        while view:
            try:
                n = os.write(fd, view)
            except BlockingIOError:
                import select

                select.select([], [fd], [])
                continue
            except OSError as exc:
                return uv.code_of(exc)
            view = view[n:]
        return len(payload)

    def read(fd: int, size: int) -> Any:
        """Read up to `size` bytes at once: an ArrayBuffer (empty at end of file) or a negative errno."""
        try:
            return realm.engine.array_buffer(os.read(fd, size))
        except OSError as exc:
            return uv.code_of(exc)

    def really_exit(code: int) -> None:
        realm.request_exit(int(code) & 0xFF if isinstance(code, int) else 0)

    signals = {name: int(getattr(signal, name)) for name in dir(signal) if name.startswith("SIG") and not name.startswith("SIG_") and isinstance(getattr(signal, name), int)}

    return {
        "pid": os.getpid(),
        "ppid": os.getppid(),
        "platform": sys.platform if sys.platform != "linux" else "linux",
        "arch": _arch(),
        "execPath": realm.exec_path if hasattr(realm, "exec_path") else sys.executable,
        "argv": realm.argv,
        "execArgv": realm.exec_argv,
        "optionArgv": realm.option_argv,
        "env": dict(os.environ),
        "pythonVersion": "%d.%d.%d" % sys.version_info[:3],
        "quickjsVersion": _engine.quickjs.quickjs_version,
        "hrtime": lambda: list(divmod(time.monotonic_ns(), 1_000_000_000)),
        "uptime": lambda: time.monotonic() - _START,
        "cwd": os.getcwd,
        "chdir": _chdir,
        "umask": _umask,
        "memoryUsage": lambda: _memory_usage(realm.engine),
        "rss": _rss,
        "cpuUsage": _cpu_usage,
        "kill": _kill,
        "reallyExit": really_exit,
        "setenv": lambda k, v: os.environ.__setitem__(str(k), str(v)),
        "unsetenv": lambda k: os.environ.pop(str(k), None) and None,
        "writeSync": write,
        "readSync": read,
        "isatty": lambda fd: os.isatty(fd),
        "signals": signals,
        "runMicrotasks": realm.run_microtasks,
        "timezoneNames": _timezone_names,
        "embedded": realm.embedded,
        "onFatal": realm.on_fatal,
        "getuid": os.getuid,
        "geteuid": os.geteuid,
        "getgid": os.getgid,
        "getegid": os.getegid,
        "getgroups": os.getgroups,
        "setuid": lambda uid: _errno_call(os.setuid, int(uid)),
        "seteuid": lambda uid: _errno_call(os.seteuid, int(uid)),
        "setgid": lambda gid: _errno_call(os.setgid, int(gid)),
        "setegid": lambda gid: _errno_call(os.setegid, int(gid)),
        "setgroups": lambda *gids: _errno_call(os.setgroups, [int(g) for g in gids]),
        "initgroups": lambda user, gid: _errno_call(os.initgroups, str(user), int(gid)),
        "userId": lambda name: _account("pwd", "getpwnam", name, "pw_uid"),
        "groupId": lambda name: _account("grp", "getgrnam", name, "gr_gid"),
        "userName": lambda uid: _account("pwd", "getpwuid", int(uid), "pw_name"),
        "debugProcess": lambda pid: _errno_call(os.kill, int(pid), signal.SIGUSR1),
        "resourceUsage": _resource_usage,
        "constrainedMemory": _constrained_memory,
        "availableMemory": _available_memory,
        "title": "node",
    }
