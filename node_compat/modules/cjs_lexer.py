"""Named exports of a CommonJS module, found statically as Node's cjs-module-lexer does.

Node decides which names an ES module may import from a CommonJS file
without running it, by recognising common export patterns. This covers the
same patterns: `exports.x =`, `module.exports.x =`, `exports['x'] =`,
`Object.defineProperty(exports, 'x', ...)`, `module.exports = { a, b: c }`
and re-exports through `module.exports = require('./other')`.
"""

from __future__ import annotations

import os
import re

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Callable

_ASSIGN = re.compile(r"(?<![\w$.])(?:module\s*\.\s*)?exports\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(['\"])([^'\"]+)\2\s*\])\s*=(?!=)")
_DEFINE = re.compile(r"Object\s*\.\s*defineProperty\s*\(\s*(?:module\s*\.\s*)?exports\s*,\s*(['\"])([^'\"]+)\1")
_OBJECT = re.compile(r"(?<![\w$.])module\s*\.\s*exports\s*=\s*\{")
_REEXPORT = re.compile(r"(?<![\w$.])module\s*\.\s*exports\s*=\s*require\s*\(\s*(['\"])([^'\"]+)\1\s*\)")
_SPREAD_REQUIRE = re.compile(r"^\.\.\.\s*require\s*\(\s*(['\"])([^'\"]+)\1\s*\)$")
_KEY = re.compile(
    r"^(?:([A-Za-z_$][\w$]*)|(['\"])([^'\"]+)\2)\s*"
    r"(?:$|:\s*(?:[A-Za-z_$][\w$]*|require\s*\(\s*['\"][^'\"]+['\"]\s*\))$)"
)
_SPREAD = re.compile(r"^\.\.\.\s*[A-Za-z_$][\w$]*$")
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def _object_keys(source: str, start: int) -> tuple[list[str], list[str]]:
    """Keys of the object literal whose '{' is at `start` (stops at the first unclear entry)."""
    depth = 0
    i = start
    body_start = start + 1
    while i < len(source):
        ch = source[i]
        if ch in "{[(":
            depth += 1
        elif ch in "}])":
            depth -= 1
            if depth == 0:
                break
        elif ch in "'\"`":
            quote = ch
            i += 1
            while i < len(source) and source[i] != quote:
                i += 2 if source[i] == "\\" else 1
        i += 1
    body = source[body_start:i]
    names, reexports = [], []
    depth = 0
    entry = ""
    entries = []
    for ch in body:
        if ch in "{[(":
            depth += 1
        elif ch in "}])":
            depth -= 1
        if ch == "," and depth == 0:
            entries.append(entry)
            entry = ""
        else:
            entry += ch
    entries.append(entry)
    for raw in entries:
        item = raw.strip()
        if not item:
            continue
        spread = _SPREAD_REQUIRE.match(item)
        if spread:
            reexports.append(spread.group(2))
            continue
        if _SPREAD.match(item):
            continue
        key = _KEY.match(item)
        if key is None:
            break
        names.append(key.group(1) or key.group(3))
    return names, reexports


def export_names(path: str, read_source: Callable[[str], str], _seen: set | None = None) -> list[str]:
    seen = _seen if _seen is not None else set()
    if path in seen:
        return []
    seen.add(path)
    source = _COMMENTS.sub(" ", read_source(path))
    names: list[str] = []
    reexports: list[str] = []
    for m in _ASSIGN.finditer(source):
        names.append(m.group(1) or m.group(3))
    for m in _DEFINE.finditer(source):
        names.append(m.group(2))
    for m in _OBJECT.finditer(source):
        keys, more = _object_keys(source, m.end() - 1)
        names.extend(keys)
        reexports.extend(more)
    for m in _REEXPORT.finditer(source):
        reexports.append(m.group(2))
    for request in reexports:
        from .resolve import resolve_cjs

        target = resolve_cjs(request, os.path.dirname(path))
        if target is not None and target.endswith((".js", ".cjs")):
            try:
                names.extend(export_names(target, read_source, seen))
            except Exception:  # an unreadable re-export only loses names, as in Node
                continue
    unique = []
    for name in names:
        if name not in unique:
            unique.append(name)
    return unique
