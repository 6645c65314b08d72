"""Where a `throw` happened, for the fatal report's source line and caret.

V8 reports the location of the `throw` statement above an uncaught error;
QuickJS only knows where the error object was created. For the common
`throw err;` (an identifier, member path or literal whose value was made
elsewhere) the user's source is rewritten, on the same line, to
`throw __pynodeThrow(file, line, column, err);`, which records the site and
returns the value. Columns after the insertion move; `shifts` lets stack
positions be mapped back.

A `catch (e) {` gets `__pynodeCaught(e);` after its brace: an error the
engine made (QuickJS's message, a stack of frames only) takes V8's message
and `stack` before the handler sees it, as it would on its way to a fatal
report.

A dynamic `import(` becomes `__pynodeImport(file, (s, o) => import(s, o), `:
Node reads a module's file (fs/promises) before it runs it, so an import of
a file not loaded yet completes some loop turns later, not within the
microtasks of the job that asked for it.

The awaits of async functions are rewritten too, for V8's `async` frames
(see await_sites): all insertions go in one pass, so one `shifts` maps them all.
"""

from __future__ import annotations

import re

from .js_blocks import bracket_end

HOOK = "__pynodeThrow"
CAUGHT_HOOK = "__pynodeCaught"
IMPORT_HOOK = "__pynodeImport"

_TOKEN = re.compile(
    r"""//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|(?P<tpl>`)|(?P<throw>(?<![\w$.])throw[ \t]+)"""
    r"""|(?P<catch>(?<![\w$.])catch\s*\(\s*(?P<param>[A-Za-z_$][\w$]*)\s*\)\s*\{)"""
    r"""|(?P<import>(?<![\w$.])import\s*\()""",
    re.S,
)
_OPERAND = re.compile(r"(?:[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$#][\w$]*)*|\d[\w.]*|'(?:\\.|[^'\\\n])*'|\"(?:\\.|[^\"\\\n])*\")")
_NOT_OPERANDS = ("new", "await", "typeof", "void")
_END = re.compile(r"[ \t]*(?:;|(?=\n)|(?=\})|$)")


def _skip_template(source: str, i: int) -> int:
    """Index just after the template literal whose backtick is at i-1."""
    depth = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if depth == 0 and ch == "`":
            return i + 1
        if depth == 0 and source.startswith("${", i):
            depth = 1
            i += 2
            continue
        if depth > 0:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "`":
                i = _skip_template(source, i + 1)
                continue
            elif ch in "'\"":
                m = re.compile(rf"{ch}(?:\\.|[^{ch}\\\n])*{ch}").match(source, i)
                if m:
                    i = m.end()
                    continue
        i += 1
    return n


_PAIRS = {"{": "}", "[": "]", "(": ")"}


class _Span:
    """A matched operand: the same interface as a regex match."""

    def __init__(self, source: str, start: int, end: int) -> None:
        self._text = source[start:end]
        self._start = start
        self._end = end

    def group(self, _index: int = 0) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_SUFFIX = re.compile(r"\??\.[A-Za-z_$#][\w$]*|\?\.(?=[(\[])|[ \t]*(?=\()|(?=\[)")


def _operand(source: str, at: int):
    if at < len(source) and source[at] in _PAIRS:
        end = bracket_end(source, at)
        return _Span(source, at, end) if end != -1 else None
    m = _OPERAND.match(source, at)
    if m is None or not (m.group(0)[0].isalpha() or m.group(0)[0] in "_$") or m.group(0) in _NOT_OPERANDS:
        return m
    # A call or property of it (`throw makeError(...)`, `throw Object.assign(new Error(), {...})`),
    # on one line: the value is made before the throw, elsewhere or further on.
    end = m.end()
    while True:
        suffix = _SUFFIX.match(source, end)
        if suffix is None:
            break
        end = suffix.end()
        if end < len(source) and source[end] in "([":
            close = bracket_end(source, end)
            if close == -1:
                return m
            end = close
    return m if end == m.end() else _Span(source, at, end)


def instrument(source: str, file_id: int, file: str = "", module: bool = False) -> tuple[str, dict]:
    """(rewritten source, {line: [(column, inserted length), ...]}) with 1-based lines/columns.

    `file` is the name the code's frames give (its awaits are noted for
    `async` frames, see await_sites, when given); `module`: ES module code.
    """
    edits: list = []
    if file and "await" in source:
        from . import await_sites  # (only for code that awaits: a program that does not, pays nothing)

        edits = await_sites.insertions(source, file, module)
    if not edits and "throw" not in source and "catch" not in source and "import" not in source:
        return source, {}
    i = 0
    n = len(source)
    while i < n:
        m = _TOKEN.search(source, i)
        if m is None:
            break
        if m.group("tpl"):
            i = _skip_template(source, m.end())
            continue
        if m.group("catch"):
            edits.append((m.end(), f"{CAUGHT_HOOK}({m.group('param')});"))
            i = m.end()
            continue
        if m.group("import"):
            close = bracket_end(source, m.end() - 1)
            if close != -1 and source[close:].lstrip(" \t").startswith("{"):
                i = m.end()  # (a method named import)
                continue
            edits.append((m.start(), f"{IMPORT_HOOK}({file_id}, (s, o) => "))
            edits.append((m.end(), "s, o), "))
            i = m.end()
            continue
        if not m.group("throw"):
            i = m.end()
            continue
        operand = _operand(source, m.end())
        if operand is None or _END.match(source, operand.end()) is None or operand.group(0) in _NOT_OPERANDS:
            i = m.end()
            continue
        line = source.count("\n", 0, m.start()) + 1
        column = m.start() - source.rfind("\n", 0, m.start())
        edits.append((operand.start(), f"{HOOK}({file_id},{line},{column},"))
        edits.append((operand.end(), ")"))
        i = operand.end()
    if not edits:
        return source, {}
    # (Stable: at one offset, what await_sites opens comes before what the loop above does.)
    edits.sort(key=lambda edit: edit[0])
    out = []
    shifts: dict = {}
    pos = 0
    line = 1
    for at, text in edits:
        line += source.count("\n", pos, at)
        line_start = source.rfind("\n", 0, at) + 1
        out.append(source[pos:at])
        out.append(text)
        line_shifts = shifts.setdefault(line, [])
        added = sum(length for _, length in line_shifts)
        line_shifts.append((at - line_start + 1 + added, len(text)))
        pos = at
    out.append(source[pos:])
    return "".join(out), shifts


def original_column(shifts: dict, line: int, column: int) -> int:
    """Map a column of the rewritten line back to the user's source."""
    for at, length in reversed(shifts.get(line, ())):
        if column >= at + length:
            column -= length
        elif column >= at:
            column = at
    return column
