"""Where user code's async functions await, for V8's `at async` frames.

V8 follows an error made in a resumed async function to the async functions
awaiting it, each shown at its `await` below the error's own frames
(`at async outer (file:2:26)`). QuickJS keeps no such chain, so user code is
rewritten on the same lines for the runtime (internal/bootstrap/async_frames)
to keep it:

- an async function's body starts with `const __pynodeR=__pynodeAsync(file,
  name, name called by, name in QuickJS's frames, first line, last line, this);`,
  a record of the call (for an arrow, which has no receiver, `void 0` and the
  class V8 names it after when it is called as a method); an ES
  module that awaits at its top level starts with one for its top level;
- `await X` becomes `__pynodeResume(__pynodeR, await __pynodeAwait(__pynodeR,
  "line:column", callee, __pynodeAwaitFrom(), X))`: the await notes where the
  call waits and takes the async call X made as awaited by this one
  (`callee` is the name X calls, which tells that call among others X made),
  the resume marks the call as running again;
- a `catch` directly in an async function marks the call as running again
  (an await that rejects resumes there); a `for await` loop notes where it
  waits (at its variable, as V8 says) when it starts, and its body marks the
  call as running again.

Awaits this cannot place (in an async generator, an arrow
without braces whose body's end the text does not make clear) are left as
written: their errors show no `async` frames.
"""

from __future__ import annotations

import bisect
import json
import re

from . import js_blocks

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Optional

ENTER_HOOK = "__pynodeAsync"
FROM_HOOK = "__pynodeAwaitFrom"
AWAIT_HOOK = "__pynodeAwait"
RESUME_HOOK = "__pynodeResume"
RECORD = "__pynodeR"

_SPACE = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.S)
_WORD = re.compile(r"#?[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*")
_NUMBER = re.compile(r"(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)n?")
_STRING = re.compile(r"'(?:\\.|[^'\\\n])*'|\"(?:\\.|[^\"\\\n])*\"", re.S)
_DIRECTIVES = re.compile(r"(?:\s*(?:'(?:\\.|[^'\\\n])*'|\"(?:\\.|[^\"\\\n])*\")[ \t]*(?:;|(?=\r?\n)|(?=\})))*")
_CATCH_BEFORE = re.compile(r"(?<![\w$.])catch\s*(?:\([^()]*\)\s*)?$")
_NAMED_EXPRESSION = re.compile(r"(?<![\w$.])([A-Za-z_$][\w$]*)\s*[=:]\s*async\s+$")
# Words after which an operand is not one this can end (or not an operand at all).
_NOT_OPERAND = {"function", "class", "async", "yield", "await", "let", "in", "of", "instanceof"}
# After these (the last punctuation or word) a `/` starts a regular expression.
_BEFORE_REGEX = set("(,=:[!&|?{};+-*%<>~^") | js_blocks.BEFORE_REGEX
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_NAME_AT_END = re.compile(r"#?[\w$]+$")


def _space(src: str, i: int) -> int:
    return _SPACE.match(src, i).end()


def _matching(src: str, i: int) -> int:
    """Index just past the bracket closing the one at `i`, across lines; -1 if none."""
    closers = [_OPENERS[src[i]]]
    i += 1
    n = len(src)
    prev = "("  # the last significant character, which tells a regex from a division
    while i < n:
        c = src[i]
        if c in " \t\r\n":
            i += 1
            continue
        if src.startswith("//", i) or src.startswith("/*", i):
            i = _space(src, i)
            continue
        if c in "'\"":
            m = _STRING.match(src, i)
            if m is None:
                return -1
            i, prev = m.end(), "a"
            continue
        if c == "`":
            i = _template_end(src, i)
            if i < 0:
                return -1
            prev = "a"
            continue
        if c == "/" and prev in _BEFORE_REGEX:
            i = js_blocks.skip_regex(src, i)
            prev = "a"
            continue
        if c in _OPENERS:
            closers.append(_OPENERS[c])
        elif c in ")]}":
            if c != closers.pop():
                return -1
            if not closers:
                return i + 1
        word = _WORD.match(src, i)
        if word is not None:
            prev = word.group()
            i = word.end()
            continue
        prev = c
        i += 1
    return -1


def _template_end(src: str, i: int) -> int:
    """Index just past the template literal whose backtick is at `i`; -1 if it does not end."""
    i += 1
    while True:
        i, nested = js_blocks.template_part(src, i)
        if not nested:
            return i if i <= len(src) and src[i - 1] == "`" else -1
        end = _matching(src, i - 1)
        if end < 0:
            return -1
        i = end


def _primary_end(src: str, i: int) -> int:
    """End of the primary expression at `i`; -1 where this does not follow it."""
    if i >= len(src):
        return -1
    c = src[i]
    if c in _OPENERS:
        return _matching(src, i)
    if c in "'\"":
        m = _STRING.match(src, i)
        return -1 if m is None else m.end()
    if c == "`":
        return _template_end(src, i)
    if c == "/" and not src.startswith(("//", "/*"), i):
        return js_blocks.skip_regex(src, i)
    m = _NUMBER.match(src, i)
    if m is not None and (c.isdigit() or c == "."):
        return m.end()
    m = _WORD.match(src, i)
    if m is None or m.group() in _NOT_OPERAND or m.group().startswith("#"):
        return -1
    if m.group() == "import":
        after = _space(src, m.end())
        return _matching(src, after) if src.startswith("(", after) else m.end()
    return m.end()


def _postfix_end(src: str, i: int) -> tuple:
    """(end, callee) of the member accesses and calls after position `i`; callee is the
    name the last call calls when the expression ends with a call: "" for `(...)()`,
    "?" for `o[k]()`, None when it is no call."""
    callee: Optional[str] = None
    chained: Optional[str] = None  # the callee of a call `.then(`, `.catch(` or `.finally(` follows
    while True:
        j = _space(src, i)
        if j >= len(src):
            return i, callee
        c = src[j]
        if src.startswith("?.", j) and not src[j + 2:j + 3].isdigit():
            j = _space(src, j + 2)
            if j < len(src) and src[j] in "([":
                c = src[j]
            else:
                m = _WORD.match(src, j)
                if m is None:
                    return -1, None
                i, callee = m.end(), None
                continue
        elif c == "." and not src[j + 1:j + 2].isdigit() and not src.startswith("...", j):
            m = _WORD.match(src, _space(src, j + 1))
            if m is None:
                return -1, None
            if m.group() in ("then", "catch", "finally"):
                chained = callee
            elif m.group() in ("call", "apply"):
                base = _NAME_AT_END.search(src, max(0, i - 256), i)
                chained = None if base is None else base.group()
            else:
                chained = None
            i, callee = m.end(), None
            continue
        if c == "(":
            end = _matching(src, j)
            if end < 0:
                return -1, None
            if chained is not None:
                # V8 follows a promise through `then` and the like to what awaits their
                # promise; `f.call(...)` calls f.
                callee, chained = chained, None
            else:
                before = src[max(0, i - 256):i]
                tail = _NAME_AT_END.search(before)
                if tail is not None:
                    callee = tail.group()
                    if before[:tail.start()].rstrip().endswith("."):
                        callee = "." + callee  # a method call: the function gets a receiver
                else:  # `(...)()`, and a function found by a computed key, `o[k]()`
                    callee = "" if before.endswith(")") else "?" if before.endswith("]") else None
            i = end
            continue
        if c in "[`":  # an index, or a template the expression is the tag of
            end = _matching(src, j) if c == "[" else _template_end(src, j)
            if end < 0:
                return -1, None
            i, callee, chained = end, None, None
            continue
        if src.startswith(("++", "--"), j) and "\n" not in src[i:j]:
            return j + 2, None
        return i, callee


def _unary_end(src: str, i: int) -> tuple:
    """(end, callee) of the unary expression an `await` at `i` applies to; end -1 where not followed."""
    i = _space(src, i)
    if i >= len(src):
        return -1, None
    word = _WORD.match(src, i)
    if word is not None and word.group() in ("typeof", "void", "delete"):
        return _unary_end(src, word.end())[0], None
    if src.startswith(("++", "--"), i):
        return _unary_end(src, i + 2)[0], None
    if src[i] in "!~+-":
        return _unary_end(src, i + 1)[0], None
    if word is not None and word.group() == "new":
        j = _space(src, word.end())
        if src.startswith(".", j):
            return _postfix_end(src, j)[0], None  # new.target
        end = _primary_end(src, j)
        while end >= 0:  # the constructor: member accesses, no call
            k = _space(src, end)
            if src.startswith(".", k) and not src.startswith("...", k):
                m = _WORD.match(src, _space(src, k + 1))
                end = -1 if m is None else m.end()
            elif src.startswith("[", k):
                end = _matching(src, k)
            else:
                break
        if end < 0:
            return -1, None
        k = _space(src, end)
        if src.startswith("(", k):
            end = _matching(src, k)
            if end < 0:
                return -1, None
        return _postfix_end(src, end)
    end = _primary_end(src, i)
    if end < 0:
        return -1, None
    return _postfix_end(src, end)


_COMBINATOR = re.compile(r"Promise\s*\.\s*(all|allSettled|any|race)\s*\((\s*\[)?")


def _elements(src: str, open_at: int, close_at: int) -> list:
    """The callee of each element of the array literal between `open_at` and `close_at`
    (see _postfix_end), None for an element that is no such call."""
    callees: list = []
    i = open_at + 1
    while True:
        i = _space(src, i)
        if i >= close_at:
            return callees
        end, callee = _unary_end(src, i)
        j = _space(src, end) if end >= 0 else -1
        if j < 0 or (j < close_at and src[j] != ","):
            callee = None
            j = _top_level(src, i, close_at, ",")
            if j < 0:
                return callees + [None]
        callees.append(callee)
        i = j + 1


def _next_unit(src: str, i: int) -> tuple:
    """(index after, text) of the unit of code at `i`: a bracketed group, a string,
    template or comment (text ""), a word, or one character; index -1 where it does not end."""
    c = src[i]
    if c in _OPENERS:
        return _matching(src, i), ""
    if c in "'\"":
        m = _STRING.match(src, i)
        return (-1 if m is None else m.end()), ""
    if c == "`":
        return _template_end(src, i), ""
    if src.startswith(("//", "/*"), i):
        return _space(src, i), ""
    word = _WORD.match(src, i)
    if word is not None:
        return word.end(), word.group()
    return i + 1, c


def _top_level(src: str, i: int, end: int, wanted: str) -> int:
    """The index of the first `wanted` (a word or character) between `i` and `end`
    outside brackets, strings and comments; `end` if none, -1 where that is not clear."""
    while i < end:
        after, text = _next_unit(src, i)
        if text == wanted:
            return i
        if after < 0:
            return -1
        i = after
    return end


def _callee_of(src: str, operand: int, end: int, callee: Optional[str], async_names: set) -> Optional[object]:
    """What an await's `w` gets as the callee of its operand: a name (see _postfix_end), or
    for `Promise.all([...])` (allSettled, any, race) [the combinator, the callee of each element],
    for `Promise.all(items.map(f))` [the combinator, "*"].

    A name no async function of the file has gets "?" before it: the function may
    be one by another name (a parameter, a variable), or a function returning an
    async call's promise, which V8 follows too. (An async function of the file
    that returns another's promise is not followed: its own promise is another.)
    """
    m = _COMBINATOR.match(src, operand)
    if m is None:
        return _loose(callee, async_names)
    if m.group(2) is None:
        return [m.group(1), "*"]  # (elements made otherwise: `items.map(f)`)
    close = _matching(src, m.end() - 1)
    if close < 0:
        return _loose(callee, async_names)
    if _space(src, close) >= end or src[_space(src, close)] != ")":
        return [m.group(1), "*"]  # (`Promise.all([...].map(f))`)
    elements = [(name or "").lstrip(".") if name is not None else None for name in _elements(src, m.end() - 1, close - 1)]
    return [m.group(1)] + [name if name is None or name in async_names or name == "" else "?" for name in elements]


def _loose(callee: Optional[str], async_names: set) -> Optional[str]:
    """`callee` as noted: a method call's with a dot before it, and a name no async
    function of the file has with "?" before it."""
    if not callee or callee == "?":
        return callee
    dot = "." if callee.startswith(".") else ""
    return callee if callee[len(dot):] in async_names else f"{dot}?{callee[len(dot):]}"


_CONTINUES = re.compile(r"(?:\+(?!\+)|-(?!-)|[.?:*/%<>=&|^,(\[`]|(?:in|instanceof)(?![\w$]))")


def _concise_end(src: str, start: int) -> int:
    """Where the body of an arrow without braces, starting at `start`, ends (its
    expression: up to a `,`, `;` or closing bracket of the code around it, or a line
    end that ends the statement); -1 where that is not clear."""
    i = start
    n = len(src)
    seen = False  # a token of the body
    last_end = start
    prev = "("
    while i < n:
        c = src[i]
        if c in " \t\r":
            i += 1
            continue
        if c == "\n":
            if seen:
                nxt = _space(src, i)
                if nxt >= n or src[nxt] in ",;)]}":
                    return last_end
                if not _CONTINUES.match(src, nxt):
                    return last_end  # (a new statement: the line's end ends the arrow)
            i += 1
            continue
        if src.startswith(("//", "/*"), i):
            i = _space(src, i)
            continue
        if c in ",;)]}":
            return last_end if seen else -1
        if c == "/" and prev in _BEFORE_REGEX:
            i, text = js_blocks.skip_regex(src, i), ""
        else:
            i, text = _next_unit(src, i)
        if i < 0:
            return -1
        prev = text or "a"  # (a group, string or regex ends an operand)
        seen = True
        last_end = i
    return last_end if seen else -1


def _loop_of(src: str, i: int, end: int) -> int:
    """The index of the `of` of a `for (... of ...)` head between `i` and `end`; -1 if none."""
    at = _top_level(src, i, end, "of")
    return -1 if at == end else at


class _Places:
    """Lines and enclosing functions of offsets of one source, each found in log time."""

    def __init__(self, src: str, blocks: list) -> None:
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", src)]
        self.blocks = blocks
        self.starts = [block.start for block in blocks]
        # The block each is in (arrows without braces included, which the scan's parents are not).
        self.enclosing = []
        open_blocks: list = []
        for index, block in enumerate(blocks):
            while open_blocks and blocks[open_blocks[-1]].end <= block.start:
                open_blocks.pop()
            self.enclosing.append(open_blocks[-1] if open_blocks else -1)
            open_blocks.append(index)

    def line_col(self, offset: int) -> tuple:
        """(1-based line, 1-based column) of `offset`."""
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def function_of(self, offset: int) -> tuple:
        """(innermost function whose body holds `offset`, whether a class body lies between)."""
        index = bisect.bisect_left(self.starts, offset) - 1
        # The last block opened before `offset`, or one it is in, holds it.
        while index >= 0 and not self.blocks[index].end > offset:
            index = self.enclosing[index]
        in_class = False
        while index >= 0:
            block = self.blocks[index]
            if block.kind in ("method", "function", "arrow"):
                return block, in_class
            in_class = in_class or block.kind == "class"
            index = self.enclosing[index]
        return None, in_class


def _names(src: str, block: js_blocks.Block) -> tuple:
    """(the name V8 shows for the async function of `block`, the name calls call it by,
    the name QuickJS's frames give it); "" for none."""
    if block.name is not None:
        return block.name, block.name, block.name
    if block.kind == "function":
        head = src.rfind("function", 0, block.start)
        m = _NAMED_EXPRESSION.search(src, max(0, head - 256), head) if head >= 0 else None
        if m is not None and m.end() == head:
            return m.group(1), m.group(1), m.group(1)
    if block.inferred is not None:
        return block.inferred, block.inferred.rpartition(".")[2], ""  # `o.n = async function`
    return "", "", ""


def _arrow_owner(blocks: list, block: js_blocks.Block) -> str:
    """The class V8 names an arrow's frames after when it is called as a method of the
    object it is written in: "Object" for an object literal's property, the class for a
    class field's; "" where that is not known."""
    if block.name is None or block.parent < 0:
        return ""
    parent = blocks[block.parent]
    if parent.kind == "object":
        return "Object"
    return (parent.name or "") if parent.kind == "class" else ""


def insertions(src: str, file: str, module: bool) -> list:
    """[(offset, text)] that give the async functions of `src` (the code of `file`, an ES
    module or not) their records and their awaits their notes; in the order to insert."""
    if "await" not in src:
        return []
    awaits: list = []
    blocks = js_blocks.scan(src, awaits=awaits)
    out: list = []
    closers: list = []  # what ends the bodies of arrows without braces, put after the rest
    recorded: set = set()  # the blocks given a record
    # The async arrows without braces: their bodies' ends as the expression says (the
    # scan ends them at their line's end), or unknown, where their awaits stay as written.
    concise_unknown: set = set()
    for block in blocks:
        if block.kind == "arrow" and block.is_async and src[block.start] != "{":
            end = _concise_end(src, block.start)
            if end < 0:
                concise_unknown.add(block.start)
            else:
                block.end = end
    quoted_file = json.dumps(file)
    places = _Places(src, blocks)
    async_names = {_names(src, block)[1] for block in blocks if block.is_async}

    def record_of(block: Optional[js_blocks.Block]) -> bool:
        """Give `block` (None: the module's top level) its record; False where it can have none."""
        key = -1 if block is None else block.start
        if key in recorded:
            return True
        if block is None:
            start = 0
            if src.startswith("#!"):
                start = src.find("\n") + 1
                if start == 0:
                    return False
            last = len(places.line_starts)
            out.append((start, f"const {RECORD}={ENTER_HOOK}({quoted_file},\"\",\"\",\"\",1,{last},void 0);"))
        else:
            if not block.is_async or block.start in concise_unknown:
                return False
            first = places.line_col(block.start)[0]
            last = places.line_col(block.end)[0]
            receiver = f"void 0,{json.dumps(_arrow_owner(blocks, block))}" if block.kind == "arrow" else "this"
            names = ",".join(json.dumps(name) for name in _names(src, block))
            enter = f"const {RECORD}={ENTER_HOOK}({quoted_file},{names},{first},{last},{receiver});"
            if src[block.start] == "{":
                out.append((_DIRECTIVES.match(src, block.start + 1).end(), enter))
            else:
                # `async (x) => expr` becomes `async (x) =>{...;return (expr)}`.
                out.append((block.start, f"{{{enter}return ("))
                closers.append((block.end, block.start))
        recorded.add(key)
        return True

    def for_await(at: int, after: int) -> None:
        """`for await (x of y) {` waits at x (where V8 places it) for y's items; its body
        runs again after each: `for await (x of __pynodeAwait(__pynodeR, "x's place",
        null, ..., y)) {__pynodeResume(__pynodeR);`."""
        block, in_class = places.function_of(at)
        head = _space(src, after)
        close = _matching(src, head) if src.startswith("(", head) else -1
        body = _space(src, close) if close >= 0 else -1
        if in_class or (block is None and not module) or not src.startswith("{", body):
            return
        of = _loop_of(src, head + 1, close - 1)
        if of < 0 or not record_of(block):
            return
        binding = _space(src, head + 1)
        declared = re.match(r"(?:const|let|var)(?![\w$])\s*", src[binding:])
        line, column = places.line_col(binding + (declared.end() if declared else 0))
        out.append((_space(src, of + 2), f"{AWAIT_HOOK}({RECORD},\"{line}:{column}\",null,{FROM_HOOK}(),"))
        out.append((close - 1, ")"))
        out.append((body + 1, f"{RESUME_HOOK}({RECORD});"))

    for at in awaits:
        after = at + 5
        if after < len(src) and (src[after].isalnum() or src[after] in "_$"):
            continue
        if js_blocks.is_for_await(src, at):
            for_await(at, after)
            continue
        block, in_class = places.function_of(at)
        if in_class or (block is None and not module):
            continue
        operand = _space(src, after)
        if operand >= len(src) or src[operand] in ":,;)]}=?" or src.startswith(("=>", "in ", "of "), operand):
            continue
        if src.startswith("await", operand) and _WORD.match(src, operand).group() == "await":
            continue
        end, callee = _unary_end(src, operand)
        if end < 0 or not record_of(block):
            continue
        line, column = places.line_col(at)
        callee = _callee_of(src, operand, end, callee, async_names)
        out.append((at, f"{RESUME_HOOK}({RECORD},"))
        noted = json.dumps(callee, separators=(",", ":"))
        out.append((operand, f"{AWAIT_HOOK}({RECORD},\"{line}:{column}\",{noted},{FROM_HOOK}(),"))
        out.append((end, "))"))
    for block in blocks:
        if block.kind != "block" or not _CATCH_BEFORE.search(src, max(0, block.start - 256), block.start):
            continue
        owner, in_class = places.function_of(block.start)
        if owner is not None and not in_class and owner.start in recorded:
            out.append((block.start + 1, f"{RESUME_HOOK}({RECORD});"))
    out.sort(key=lambda item: item[0])
    # (Where an arrow's body ends, what closes inside it comes first: an arrow
    # in its body too.)
    closers.sort(key=lambda item: (item[0], -item[1]))
    for end, _start in closers:
        at = next((k for k, (offset, _) in enumerate(out) if offset > end), len(out))
        out.insert(at, (end, ")}"))
    return out
