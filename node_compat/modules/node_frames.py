"""Node's stack frames for the lines of pynode's own library.

Where an error's stack passes through the library, Node shows frames of *its*
library (`at Module._compile (node:internal/modules/cjs/loader:1740:14)`),
and pynode's library has other functions on other lines. A library line says
which of Node's frames it stands for in its trailing comment:

    // at Module._compile (node:internal/modules/cjs/loader:1740:14)
    // at Module.require (node:internal/modules/cjs/loader:1496:12) | require (node:internal/modules/helpers:135:16)
    // at (node:internal/main/run_main_module:33:47)        an anonymous frame
    // at JSON.parse (<anonymous>)                          a builtin of V8's
    // at -                                                 no frame in Node
    // at listOnTimeout (node:internal/timers:614:17) calling Timeout._onTimeout
    // at runNextTicks (node:internal/process/task_queues:69:3) calling -

`calling Type.method` names how Node calls the function of the frame above
(V8 shows `Timeout.fn [as _onTimeout]`), `calling Type` the class of the
object it is called on (`Socket.<anonymous>`), `calling new` a constructor
(`new Socket`), `calling -` a plain call (the
frame above loses the receiver its own comment gives it). Where the receiver is not always
of one class, `{emitter}` stands for the emitter whose listener runs (events'
emit and once wrapper: `// at {emitter}.emit (node:events:513:28) calling
{emitter}`), and `{entry}` for the handle or request the loop's callback is
for (`// at {entry}.onconnection (node:net:2299:8)`); see
lib/internal/bootstrap/error_stacks.js. A comment with a bare location
(`// at node:net:1252:11`) moves the frame to Node's line and keeps its
function's name; it also places fatal reports (see
lib/internal/node_throw_sites.js). Comments are
read from the library's files when a stack is formatted, so hot paths pay
nothing.
"""

from __future__ import annotations

import os
import re

from . import js_blocks

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Optional

_NOTE = re.compile(r"// at (.+?)(?: calling ([\w$.]+|\{emitter\}|-|new))?\s*$")
_FRAME = re.compile(r"^(?:[^()]+ )?\((?:node:[\w/.-]+:\d+:\d+|<anonymous>|\[(?:eval|stdin)\]-wrapper:\d+:\d+)\)$")
_LOCATION = re.compile(r"^node:[\w/.-]+:\d+:\d+$")
# (In a note's frames: the name the frame already has.)
KEEP_NAME = "{frame}"

# node: id -> {line: (frames, callee)}
_notes: dict = {}
# node: id -> the library file's text
_sources: dict = {}
# The locations of Node's library that stack frames have been given
# ("node:net:1252:11"): a fatal report finds Node's own line for them.
_shown: set = set()


def _read_notes(lib_dir: str, module_id: str) -> dict:
    found: dict = {}
    for number, text in enumerate(_library_source(lib_dir, module_id).split("\n"), 1):
        if "// at " not in text:
            continue
        m = _NOTE.search(text)
        if m is None:
            continue
        spec, callee = m.group(1), m.group(2)
        if spec == "-":
            found[number] = ((), callee)
            continue
        # A bare location: the frame keeps its function's name, at Node's line.
        frames = tuple(f"{KEEP_NAME} ({part})" if _LOCATION.match(part) else part
                       for part in (part.strip() for part in spec.split(" | ")))
        if all(frame.startswith(KEEP_NAME) or _FRAME.match(frame) for frame in frames):
            found[number] = (tuple(f[1:-1] if f.startswith("(") else f for f in frames), callee)
    return found


def node_frames(lib_dir: str, file: str, line: int) -> Optional[tuple]:
    """(Node's frames, callee's `Type.method` or None) for a library line, or None to keep the frame."""
    module_id = file[5:]
    notes = _notes.get(module_id)
    if notes is None:
        notes = _notes[module_id] = _read_notes(lib_dir, module_id)
    note = notes.get(line)
    if note is not None:
        for frame in note[0]:
            _shown.add(frame[frame.rfind("(") + 1:-1] if frame.endswith(")") else frame)
    return note


def _library_source(lib_dir: str, module_id: str) -> str:
    """The text of a library module ("" when there is none), read once."""
    source = _sources.get(module_id)
    if source is None:
        try:
            with open(os.path.join(lib_dir, f"{module_id}.js"), encoding="utf-8") as fh:
                source = fh.read()
        except OSError:
            source = ""
        _sources[module_id] = source
    return source


def library_line(lib_dir: str, file: str, line: int) -> tuple:
    """(The text of library file `file` (a `node:` id), the offset of the code on its line `line`); ("", -1) if none."""
    source = _library_source(lib_dir, file[5:])
    offset = 0
    for _ in range(line - 1):
        offset = source.find("\n", offset) + 1
        if offset == 0:
            return source, -1
    end = source.find("\n", offset)
    text = source[offset:] if end < 0 else source[offset:end]
    return source, offset + len(text) - len(text.lstrip())


def method_name(lib_dir: str, file: str, line: int) -> Optional[str]:
    """V8's name for a frame at a library line whose function is a method (`Socket.send`), or None."""
    source, offset = library_line(lib_dir, file, line)
    return None if offset < 0 else js_blocks.method_name(file, source, offset)


def is_node_location(location: str) -> bool:
    """Whether a stack frame's location is one of Node's (given by node_frames), not of pynode's library."""
    return location in _shown


_CALLED = re.compile(r"^(\s+at )(?:(.+?) \((.+)\)|(.+))$")


def with_receiver(frame: str, type_name: str, library: bool = False) -> str:
    """A user function's frame called on an object of class `type_name`, named as V8 names it.

    (`Socket.<anonymous>`, `Socket.onData`; a name already qualified by the class is left alone.)
    `library`: the frame is a library function's, at Node's line but with its own name.
    """
    m = _CALLED.match(frame)
    if m is None or not type_name:
        return frame
    prefix, name, where = m.group(1), m.group(2), m.group(3) if m.group(2) is not None else m.group(4)
    if (where.startswith("node:") and not library) or (name is not None and (name.startswith(("new ", "async ")) or " " in name)):
        return frame
    if name is None:
        return f"{prefix}{type_name}.<anonymous> ({where})"
    if name.startswith(f"{type_name}.") or (not library and "." in name):
        return frame  # (a user's dotted name is V8's inferred one, which it shows as it is)
    return f"{prefix}{type_name}.{name} ({where})"


def called_as(frame: str, callee: str, library: bool = False) -> str:
    """The frame of a function Node calls as `callee` (`Type.method`, or `Type`: on a `Type`), named as V8 names it.

    `-`: called without a receiver (`processTicksAndRejections`, not `process.processTicksAndRejections`);
    `new`: as a constructor (`new Socket`). `library`: as for with_receiver.
    """
    if callee == "-":
        return re.sub(r"^(\s+at )[\w$]+\.(?=[\w$]+ \()", r"\1", frame)
    if callee == "new":
        return re.sub(r"^(\s+at )(?=[\w$]+ \()", r"\1new ", frame)
    if "." not in callee:
        return with_receiver(frame, callee, library)
    m = _CALLED.match(frame)
    if m is None:
        return frame
    prefix, name, where = m.group(1), m.group(2), m.group(3) if m.group(2) is not None else m.group(4)
    if name is not None and "." in name:
        return frame  # (already a frame of Node's, `Socket._onTimeout`)
    method = callee.rsplit(".", 1)[-1]
    if name is None or name == method or name == "<anonymous>":
        return f"{prefix}{callee} ({where})"
    return f"{prefix}{callee.rsplit('.', 1)[0]}.{name} [as {method}] ({where})"
