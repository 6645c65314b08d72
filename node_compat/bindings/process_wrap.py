"""Node's `process_wrap` binding: `Process`, a child process handle (libuv's uv_process_t).

`spawn(options)` starts the child with its stdio set up as asked: for a
'pipe' entry a socketpair, whose parent end is opened into the entry's
`Pipe` handle (as libuv's UV_CREATE_PIPE does); 'ignore' is /dev/null;
'fd' passes one of our descriptors. The child's exit is watched through a
pidfd in the loop's selector, so waiting never blocks the loop; it reaches
JS as `onexit(exitStatus, termSignal)` in the poll phase. The handle is
active (keeps the process alive unless unref'd) until then.

`launch()` is shared with `spawn_sync`.
"""

from __future__ import annotations

import errno
import fcntl
import os
import socket
import subprocess
from dataclasses import dataclass, field

from jsbridge import JSValue, Undefined, as_text

from ..loop import EVENT_READ, IOWatcher
from . import uv
from .handle_wrap import HandleWrap
from .native import export_class

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional


@dataclass
class LaunchSpec:
    """What to start: the parsed form of the JS spawn options."""

    file: str
    args: list
    cwd: Optional[str] = None
    env: Optional[dict] = None
    detached: bool = False
    uid: Optional[int] = None
    gid: Optional[int] = None
    # The descriptor each child fd gets; None is /dev/null for 0-2 and nothing above.
    child_fds: list = field(default_factory=list)


def js_list(value: Any) -> list:
    """The elements of a JS array (an empty list for undefined or null)."""
    if value is Undefined or value is None:
        return []
    return [value[i] for i in range(int(value["length"]))]


def parse_spec(options: JSValue) -> LaunchSpec:
    """Read the common spawn options (file, args, cwd, envPairs, detached, uid, gid)."""
    args = [as_text(a) for a in js_list(options["args"])]
    file = as_text(options["file"])
    cwd = options["cwd"]
    env = None
    pairs = options["envPairs"]
    if pairs is not Undefined and pairs is not None:
        env = {}
        for pair in js_list(pairs):
            key, sep, value = as_text(pair).partition("=")
            if sep:
                env[key] = value
    uid, gid = options["uid"], options["gid"]
    return LaunchSpec(
        file=file,
        args=args or [file],
        cwd=as_text(cwd) if cwd not in (Undefined, None) else None,
        env=env,
        detached=options["detached"] is True,
        uid=uid if isinstance(uid, int) else None,
        gid=gid if isinstance(gid, int) else None,
    )


def _move_extra_fds(mapping: list) -> None:
    """In the child, before exec: put each descriptor at its stdio position (3 and up).

    Sources are first moved above every target so one placement cannot
    overwrite a source still needed.
    """
    base = max(target for _, target in mapping) + 1
    moved = [(fcntl.fcntl(source, fcntl.F_DUPFD_CLOEXEC, base), target) for source, target in mapping]
    for source, target in moved:
        os.dup2(source, target, inheritable=True)


def launch(spec: LaunchSpec) -> subprocess.Popen:
    """Start the child; raises OSError with the errno libuv would report."""
    fds = spec.child_fds
    std = [fds[i] if i < len(fds) else None for i in range(3)]
    null_fd = None
    if any(fd is None for fd in std):
        # A missing or closed stdio slot gets /dev/null, never our own descriptor.
        null_fd = os.open(os.devnull, os.O_RDWR)
        std = [null_fd if fd is None else fd for fd in std]
    extra = [(fd, i) for i, fd in enumerate(fds[3:], start=3) if fd is not None]
    try:
        return subprocess.Popen(
            spec.args,
            executable=spec.file,
            stdin=std[0],
            stdout=std[1],
            stderr=std[2],
            cwd=spec.cwd,
            env=spec.env,
            start_new_session=spec.detached,
            user=spec.uid,
            group=spec.gid,
            # Changing identity drops supplementary groups, as libuv does.
            extra_groups=[] if spec.uid is not None or spec.gid is not None else None,
            close_fds=not extra,
            preexec_fn=(lambda: _move_extra_fds(extra)) if extra else None,
            restore_signals=True,
        )
    finally:
        if null_fd is not None:
            os.close(null_fd)


def launch_error(exc: BaseException) -> int:
    """The negative errno of a failed launch (UV_EINVAL for bad arguments Python refuses)."""
    if isinstance(exc, OSError) and exc.errno:
        return -exc.errno
    return -errno.EINVAL


def exit_status(returncode: int) -> tuple[int, int]:
    """(exit status, terminating signal) from a Popen return code."""
    if returncode < 0:
        return 0, -returncode
    return returncode, 0


class Process(HandleWrap):
    PROVIDER = 25  # PROCESSWRAP
    JS_METHODS = HandleWrap.JS_METHODS + ("spawn", "kill")

    def __init__(self, realm: Any) -> None:
        super().__init__(realm)
        self.popen: Optional[subprocess.Popen] = None
        self.pidfd = -1
        self.watcher: Optional[IOWatcher] = None

    def spawn(self, options: Any) -> int:
        if self.realm.exiting:
            return -errno.EINVAL
        spec = parse_spec(options)
        parent_ends: list = []
        child_ends: list = []
        try:
            for entry in js_list(options["stdio"]):
                kind = entry["type"]
                if kind == "pipe":
                    parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
                    parent_ends.append((entry["handle"], parent))
                    child_ends.append(child)
                    spec.child_fds.append(child.fileno())
                elif kind in ("fd", "inherit"):
                    spec.child_fds.append(int(entry["fd"]))
                else:  # 'ignore'
                    spec.child_fds.append(None)
            try:
                self.popen = launch(spec)
            except (OSError, ValueError, subprocess.SubprocessError) as exc:
                failure = launch_error(exc)
            else:
                failure = 0
        finally:
            for child in child_ends:
                child.close()
        # The pipes are opened even when the launch failed, as libuv's are:
        # JS gets working (already ended) streams and destroys them.
        for native, parent in parent_ends:
            err = native.open(parent.detach())
            if err and not failure:
                self._kill_quietly()
                failure = err
        if failure:
            return failure
        self.js["pid"] = self.popen.pid
        self._watch_exit()
        return 0

    def _watch_exit(self) -> None:
        self.set_active(True)
        try:
            self.pidfd = os.pidfd_open(self.popen.pid)
        except (AttributeError, OSError):
            # No pidfd (old kernel): a pool thread waits and reports back.
            popen = self.popen
            self.loop.run_in_thread(popen.wait, lambda _result, _error: self._exited())
            return
        self.watcher = IOWatcher(self.loop, self.pidfd, lambda _events: self._exited())
        self.watcher.start(EVENT_READ)

    def _exited(self) -> None:
        popen = self.popen
        if popen is None or popen.poll() is None:
            return
        self._stop_watching()
        was_active = self.active
        self.set_active(False)
        if was_active and not self.closing:
            status, term_signal = exit_status(popen.returncode)
            self.realm.make_callback(self.js, "onexit", status, term_signal, async_id=self.async_id)

    def _stop_watching(self) -> None:
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None
        if self.pidfd >= 0:
            os.close(self.pidfd)
            self.pidfd = -1

    def _kill_quietly(self) -> None:
        try:
            self.popen.kill()
        except OSError:
            pass  # already gone
        self.popen.wait()

    def kill(self, signum: Any) -> int:
        popen = self.popen
        if popen is None:
            return -errno.ESRCH
        if popen.returncode is not None:
            return -errno.ESRCH
        try:
            os.kill(popen.pid, int(signum))
        except OSError as exc:
            return uv.code_of(exc)
        return 0

    def release(self) -> None:
        # Closing the handle does not kill the child (as in libuv); it just
        # stops watching it. The child is reaped if it has already exited.
        self._stop_watching()
        if self.popen is not None and self.popen.returncode is None:
            self.popen.poll()


def create(realm: Any) -> dict:
    return {"Process": export_class(realm, Process)}
