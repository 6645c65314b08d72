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


def _memory_usage() -> list:
    with open("/proc/self/statm") as fh:
        pages = fh.read().split()
    rss = int(pages[1]) * os.sysconf("SC_PAGE_SIZE")
    return [rss, rss // 2, rss // 4, 0, 0]


def _cpu_usage() -> list:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return [int(ru.ru_utime * 1e6), int(ru.ru_stime * 1e6)]


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
        "env": dict(os.environ),
        "pythonVersion": "%d.%d.%d" % sys.version_info[:3],
        "quickjsVersion": _engine.quickjs.quickjs_version,
        "hrtime": lambda: list(divmod(time.monotonic_ns(), 1_000_000_000)),
        "uptime": lambda: time.monotonic() - _START,
        "cwd": os.getcwd,
        "chdir": _chdir,
        "umask": _umask,
        "memoryUsage": _memory_usage,
        "rss": lambda: _memory_usage()[0],
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
        "title": "node",
    }
