"""Node's `fs_event_wrap` binding: the `FSEvent` handle behind fs.watch().

On Linux it is inotify, as in libuv: one inotify descriptor per handle
(read in the poll phase through the loop's selector), watching the path for
attribute changes, writes, creations, deletions and moves. Each event calls
`onchange(status, eventType, filename)` on the JS object: 'rename' for
anything but plain writes and attribute changes, which are 'change'; the
file name is the entry's name for a watched directory, the path's base name
for a watched file.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import struct

from jsbridge import as_text

from ..loop import EVENT_READ, IOWatcher
from .handle_wrap import HandleWrap
from .native import export_class

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional

IN_MODIFY = 0x00000002
IN_ATTRIB = 0x00000004
IN_MOVED_FROM = 0x00000040
IN_MOVED_TO = 0x00000080
IN_CREATE = 0x00000100
IN_DELETE = 0x00000200
IN_DELETE_SELF = 0x00000400
IN_MOVE_SELF = 0x00000800
IN_NONBLOCK = os.O_NONBLOCK
IN_CLOEXEC = os.O_CLOEXEC
WATCH_MASK = (IN_ATTRIB | IN_CREATE | IN_MODIFY | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF
              | IN_MOVED_FROM | IN_MOVED_TO)

_EVENT_HEADER = struct.Struct("iIII")  # wd, mask, cookie, len

_libc: Optional[ctypes.CDLL] = None


def _inotify() -> ctypes.CDLL:
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        _libc.inotify_init1.argtypes = [ctypes.c_int]
        _libc.inotify_add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
    return _libc


def parse_events(data: bytes) -> list[tuple[int, bytes]]:
    """(mask, name) for each struct inotify_event in `data`."""
    events = []
    offset = 0
    while offset + _EVENT_HEADER.size <= len(data):
        _wd, mask, _cookie, length = _EVENT_HEADER.unpack_from(data, offset)
        offset += _EVENT_HEADER.size
        name = data[offset:offset + length].split(b"\0", 1)[0]
        offset += length
        events.append((mask, name))
    return events


def event_type(mask: int) -> str:
    return "rename" if mask & ~(IN_ATTRIB | IN_MODIFY) else "change"


class FSEvent(HandleWrap):
    PROVIDER = 7  # FSEVENTWRAP
    JS_METHODS = HandleWrap.JS_METHODS + ("start",)
    JS_GETTERS = ("initialized",)

    def __init__(self, realm: Any) -> None:
        super().__init__(realm)
        self.fd = -1
        self.watcher: Optional[IOWatcher] = None
        self.basename = b""

    @property
    def initialized(self) -> bool:
        return self.fd >= 0

    def start(self, path: Any, persistent: Any = True, recursive: Any = False, encoding: Any = "utf8") -> int:
        """Start watching; returns 0 or a negative errno (as uv_fs_event_start)."""
        if self.fd >= 0 or self.closing:
            return -errno.EINVAL
        raw = as_text(path).encode("utf-8", "surrogateescape") if not isinstance(path, bytes) else path
        libc = _inotify()
        fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            return -ctypes.get_errno()
        if libc.inotify_add_watch(fd, raw, WATCH_MASK) < 0:
            code = ctypes.get_errno()
            os.close(fd)
            return -code
        self.fd = fd
        self.basename = os.path.basename(raw.rstrip(b"/")) or raw
        self.watcher = IOWatcher(self.loop, fd, self._on_ready)
        self.watcher.start(EVENT_READ)
        self.set_active(True)
        if not persistent:
            self.unref()
        return 0

    def _on_ready(self, _events: int) -> None:
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return
        except OSError as exc:
            self.realm.make_callback(self.js, "onchange", -exc.errno, None, None, async_id=self.async_id)
            return
        for mask, name in parse_events(data):
            if self.closing:
                return
            filename = (name or self.basename).decode("utf-8", "replace")
            self.realm.make_callback(self.js, "onchange", 0, event_type(mask), filename, async_id=self.async_id)

    def release(self) -> None:
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def create(realm: Any) -> dict:
    return {"FSEvent": export_class(realm, FSEvent)}
