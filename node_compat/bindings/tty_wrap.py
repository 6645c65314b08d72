"""Node's `tty_wrap` binding: terminals as stream handles, and what kind a descriptor is.

`TTY(fd, ctx)` is a StreamBase over a terminal. Like libuv, it reopens the
terminal device for itself, so making its descriptor non-blocking does not
change the terminal for the shell or other processes sharing it; like
libuv, it also takes a pipe or socket (a copy of the descriptor), and
refuses files. Failures
are reported through `ctx` (`code`, `errno`, `syscall`) as Node's binding
does. `guessHandleType(fd)` answers what process.stdin/stdout/stderr are
built on: 'TTY', 'FILE', 'PIPE', 'TCP', 'UDP' or 'UNKNOWN'.
"""

from __future__ import annotations

import errno
import os
import socket
import stat

from . import uv
from .native import export_class
from .stream_wrap import StreamBase

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any


def guess_handle_type(fd: Any) -> str:
    if type(fd) is float and fd.is_integer():
        fd = int(fd)  # (the engine passes integers it computed as doubles, 2 ** 31 - 1, as floats)
    if not isinstance(fd, int) or fd < 0:
        return "INVALID"
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        return "UNKNOWN"
    if os.isatty(fd):
        return "TTY"
    if stat.S_ISREG(mode) or stat.S_ISCHR(mode):
        return "FILE"
    if stat.S_ISFIFO(mode):
        return "PIPE"
    if stat.S_ISSOCK(mode):
        try:
            sock = socket.socket(fileno=os.dup(fd))
        except OSError:
            return "UNKNOWN"
        try:
            if sock.family == socket.AF_UNIX:
                return "PIPE"
            return "UDP" if sock.type == socket.SOCK_DGRAM else "TCP"
        finally:
            sock.close()
    return "UNKNOWN"


class TTY(StreamBase):
    """A terminal opened for reading or writing through the loop."""

    PROVIDER = 41  # TTYWRAP

    JS_METHODS = StreamBase.JS_METHODS + ("getWindowSize", "setRawMode")

    def __init__(self, realm: Any, fd: Any, ctx: Any = None) -> None:
        super().__init__(realm)
        self._saved_mode = None
        try:
            fd = int(fd)
            kind = guess_handle_type(fd)
            if kind == "TTY":
                own = os.open(os.ttyname(fd), os.O_RDWR | os.O_NOCTTY)
            elif kind in ("PIPE", "TCP", "UDP"):
                # libuv accepts any stream here; only files are refused.
                own = os.dup(fd)
            else:
                raise OSError(errno.EINVAL, "not a stream")
        except OSError as exc:
            if ctx is not None:
                code = uv.code_of(exc)
                ctx["errno"] = code
                ctx["code"] = uv.name_of(code)
                ctx["message"] = uv.message_of(code)
                ctx["syscall"] = "uv_tty_init"
            return
        self.attach_fd(own)
        self.readable = self.writable = True

    def getWindowSize(self, out: Any) -> int:
        """Write [columns, rows] into `out`; 0 or a negative errno."""
        if self._fd < 0:
            return -errno.EBADF
        try:
            size = os.get_terminal_size(self._fd)
        except OSError as exc:
            return uv.code_of(exc)
        out[0] = size.columns
        out[1] = size.lines
        return 0

    def setRawMode(self, flag: Any) -> int:
        """Raw mode as libuv sets it: input byte by byte, no echo or signals; output still processed.

        Changes wait for pending output but keep unread input (TCSADRAIN), so
        keys typed before the switch are read after it.
        """
        import termios  # here, not at the top: most processes never set a raw mode

        if self._fd < 0:
            return -errno.EBADF
        try:
            if flag:
                mode = termios.tcgetattr(self._fd)
                if self._saved_mode is None:
                    self._saved_mode = mode
                iflag, oflag, cflag, lflag, ispeed, ospeed, cc = mode
                iflag &= ~(termios.BRKINT | termios.ICRNL | termios.INPCK | termios.ISTRIP | termios.IXON)
                oflag |= termios.ONLCR
                cflag |= termios.CS8
                lflag &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN | termios.ISIG)
                cc = list(cc)
                cc[termios.VMIN] = 1
                cc[termios.VTIME] = 0
                termios.tcsetattr(self._fd, termios.TCSADRAIN, [iflag, oflag, cflag, lflag, ispeed, ospeed, cc])
            elif self._saved_mode is not None:
                termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved_mode)
                self._saved_mode = None
        except termios.error as exc:
            return -exc.args[0]
        return 0

    def release(self) -> None:
        if self._saved_mode is not None and self._fd >= 0:
            import termios

            try:
                termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved_mode)
            except termios.error:
                pass  # the terminal is gone; nothing left to restore
            self._saved_mode = None
        super().release()


def create(realm: Any) -> dict:
    return {
        "TTY": export_class(realm, TTY),
        "isTTY": lambda fd: isinstance(fd, int) and fd >= 0 and os.isatty(fd),
        "guessHandleType": guess_handle_type,
    }
