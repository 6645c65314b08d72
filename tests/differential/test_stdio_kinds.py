"""process.stdin/stdout/stderr on every kind of descriptor, against Node 23.5.

The fixture tests give a program pipes only. Here each of descriptors 0, 1
and 2 can be a pipe, a Unix socket, a regular file, /dev/null, closed, a
terminal (one pseudo-terminal of 100x30 shared by all that ask for one), or
a pipe whose reader has gone. A program (fixtures/stdio/_kinds/) writes
what it observes to the file named by $REPORT, so that what it prints on
stdio is compared apart: the bytes each descriptor received, the report and
the exit code must be Node's.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import socket
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest

from node_compat.testing.compare import normalize, pynode_command

PROGRAMS = Path(__file__).resolve().parents[2] / "fixtures" / "stdio" / "_kinds"
# Node prints its own frames of a fatal report in grey on a terminal.
GREY_FRAME = re.compile(r"^\x1b\[90m( +at .*)\x1b\[39m( \{)?(?=\r?$)", re.MULTILINE)


def set_window(fd: int, columns: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


class Stdio:
    """The three descriptors of one run, from the parent's side."""

    def __init__(self, kinds: tuple, workdir: Path, stdin_data: bytes) -> None:
        self.kinds = kinds
        self.child: list = []  # the child's end of each descriptor (None: closed)
        self.readers: dict = {}  # what the parent reads: index -> fd
        self.files: dict = {}  # index -> path of a regular file
        self.stdin_writer = None
        self.controller = None
        for index, kind in enumerate(kinds):
            self.child.append(self._open(index, kind, workdir, stdin_data))

    def _open(self, index: int, kind: str, workdir: Path, stdin_data: bytes):
        if kind in ("pipe", "widowed"):
            read_end, write_end = os.pipe()
            if index == 0:
                self.stdin_writer = write_end
                return read_end
            if kind == "widowed":
                os.close(read_end)
            else:
                self.readers[index] = read_end
            return write_end
        if kind == "socket":
            ours, theirs = socket.socketpair()
            fd = ours.detach()
            if index == 0:
                self.stdin_writer = fd
            else:
                self.readers[index] = fd
            return theirs.detach()
        if kind == "file":
            path = workdir / f"fd{index}"
            path.write_bytes(stdin_data if index == 0 else b"")
            self.files[index] = path
            return os.open(path, os.O_RDONLY if index == 0 else os.O_WRONLY)
        if kind == "null":
            return os.open(os.devnull, os.O_RDWR)
        if kind == "pty":
            if self.controller is None:
                self.controller, self.terminal = pty.openpty()
                set_window(self.terminal, 100, 30)
            return os.dup(self.terminal)
        assert kind == "closed"
        return None

    def prepare_child(self) -> None:
        """In the child, after the standard descriptors are in place."""
        for index, fd in enumerate(self.child):
            if fd is None:
                os.close(index)
        if self.controller is not None:
            fcntl.ioctl(self.kinds.index("pty"), termios.TIOCSCTTY, 0)

    def close_child_ends(self) -> None:
        for fd in self.child:
            if fd is not None:
                os.close(fd)
        if self.controller is not None:
            os.close(self.terminal)


def run(command: list, program: str, kinds: tuple, workdir: Path, stdin_data: bytes = b"", args: tuple = (),
        read_delay: float = 0.0, answers: tuple = ()) -> dict:
    """Run `program` with descriptors of `kinds`; what each received, the report and the exit code.

    `answers` are (text, action) pairs for a terminal: once the terminal
    shows `text`, `action` (bytes to type, or a function of the controller
    fd) runs, once. `read_delay` counts from the program's first report line,
    so a slow start-up does not eat into it.
    """
    report = workdir / "report"
    stdio = Stdio(kinds, workdir, stdin_data)
    full_env = dict(os.environ, REPORT=str(report), TERM="xterm-256color")
    for name in ("FORCE_COLOR", "NO_COLOR", "COLORTERM", "CI", "TMUX"):
        full_env.pop(name, None)
    proc = subprocess.Popen(
        command + [str(PROGRAMS / program), *args], env=full_env, cwd=workdir,
        stdin=stdio.child[0] if stdio.child[0] is not None else subprocess.DEVNULL,
        stdout=stdio.child[1] if stdio.child[1] is not None else subprocess.DEVNULL,
        stderr=stdio.child[2] if stdio.child[2] is not None else subprocess.DEVNULL,
        start_new_session=True, preexec_fn=stdio.prepare_child,
    )
    stdio.close_child_ends()
    if stdio.stdin_writer is not None:
        try:
            os.write(stdio.stdin_writer, stdin_data)
        except BrokenPipeError:
            pass  # the program closed stdin without reading it
        os.close(stdio.stdin_writer)
    received = {index: b"" for index in stdio.readers}
    sources = {fd: index for index, fd in stdio.readers.items()}
    if stdio.controller is not None:
        received["pty"] = b""
        sources[stdio.controller] = "pty"
        if kinds[0] == "pty" and stdin_data:
            os.write(stdio.controller, stdin_data)
    pending = list(answers)
    deadline = time.monotonic() + 30
    if read_delay:
        while not report.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(read_delay)
    while sources and time.monotonic() < deadline:
        ready, _, _ = select.select(list(sources), [], [], 0.2)
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # a terminal whose last user closed it
                data = b""
            if not data:
                del sources[fd]
                os.close(fd)
                continue
            received[sources[fd]] += data
            while pending and pending[0][0].encode() in received.get("pty", b""):
                _text, action = pending.pop(0)
                if callable(action):
                    action(stdio.controller)
                else:
                    os.write(stdio.controller, action)
        if not ready and proc.poll() is not None and list(sources) == [stdio.controller]:
            break  # the terminal outlives the program when no one else has it open
    if stdio.controller in sources:
        os.close(stdio.controller)
    try:
        code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        code = proc.wait()
    for index, path in stdio.files.items():
        if index:
            received[index] = path.read_bytes()
    return {
        "code": code,
        "report": report.read_text() if report.exists() else "",
        **{str(key): shown(data) for key, data in received.items()},
    }


def shown(data: bytes) -> str:
    """Output as compared: frames normalised (also those in grey), a terminal's CRs kept in sight."""
    text = GREY_FRAME.sub(r"\1\2", data.decode("utf-8", "replace"))
    return normalize(text.replace("\r\n", "<CR>\n"))


def run_both(refnode: str, tmp_path: Path, *args, **kwargs) -> tuple:
    return (run([refnode], *args, workdir=tmp_path / "node", **kwargs),
            run(pynode_command(), *args, workdir=tmp_path / "pynode", **kwargs))


@pytest.fixture()
def both(refnode: str, tmp_path: Path):
    (tmp_path / "node").mkdir()
    (tmp_path / "pynode").mkdir()
    return lambda *args, **kwargs: run_both(refnode, tmp_path, *args, **kwargs)


LAYOUTS = [
    ("pipe", "pipe", "pipe"), ("socket", "socket", "socket"), ("file", "file", "file"), ("null", "null", "null"),
    ("closed", "closed", "closed"), ("pty", "pty", "pty"), ("pty", "pipe", "file"), ("file", "pty", "null"),
    ("null", "file", "pty"), ("closed", "pipe", "closed"),
]


@pytest.mark.parametrize("kinds", LAYOUTS, ids=",".join)
def test_streams_are_what_node_makes(both, kinds) -> None:
    ref, ours = both("layout.js", kinds)
    assert ours == ref


STDIN_KINDS = [("pipe", b"abc\n"), ("socket", b"abc\n"), ("file", b"abc\n"), ("null", b""), ("closed", b""),
               ("pty", b"abc\n\x04")]


@pytest.mark.parametrize("kind,data", STDIN_KINDS, ids=[kind for kind, _ in STDIN_KINDS])
def test_stdin_events_to_the_end(both, kind, data) -> None:
    ref, ours = both("stdin_events.js", (kind, "pipe", "pipe"), stdin_data=data)
    assert ours == ref


@pytest.mark.parametrize("kind", ["pipe", "socket", "file", "null", "closed", "pty"])
def test_stdout_end_destroy_and_writes_after(both, kind) -> None:
    ref, ours = both("stdout_events.js", ("null", kind, kind))
    assert ours == ref


@pytest.mark.parametrize("kind", ["pipe", "file", "pty"])
def test_large_write_to_a_slow_reader(both, kind) -> None:
    ref, ours = both("slow_reader.js", ("null", kind, "pipe"), read_delay=1.0)
    assert ours == ref


@pytest.mark.parametrize("how", ["write", "console", "end"])
def test_writing_to_a_pipe_nobody_reads(both, how) -> None:
    ref, ours = both("widowed.js", ("null", "widowed", "pipe"), args=(how,))
    assert ours == ref


def test_terminal_raw_keys_cursor_and_resize(both) -> None:
    answers = (("ready", b"q"), ("resize me", lambda fd: set_window(fd, 120, 40)))
    ref, ours = both("terminal.js", ("pty", "pty", "pty"), answers=answers)
    assert ours == ref


@pytest.mark.parametrize("kind", ["pipe", "socket"])
def test_process_exit_right_after_a_large_write(both, kind) -> None:
    """What the pipe took at once is written; the rest, still queued, is not (and exit does not wait)."""
    ref, ours = both("exit_after_write.js", ("null", kind, "pipe"), read_delay=1.0)
    assert 0 < len(ref["1"]) < 10 * 1024 * 1024
    assert ours == ref


def test_fatal_error_report_on_a_terminal(both) -> None:
    ref, ours = both("fatal.js", ("null", "pipe", "pty"))
    assert "\x1b[33m-2\x1b[39m" in ref["pty"]
    assert ours == ref


@pytest.mark.parametrize("kind", ["pipe", "socket", "file", "null", "closed", "pty"])
def test_async_ids_count_the_stdio_handles(both, kind) -> None:
    """Timers made after stdout and stderr come into being have Node's async ids."""
    ref, ours = both("async_ids.js", ("null", kind, kind))
    assert "after console.error" in ref["report"]
    assert ours == ref
