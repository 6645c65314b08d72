"""The braces of a JavaScript source: which are classes, objects, functions and methods.

V8 names a method's stack frame after its receiver's class (`Foo.m`,
`Object.run`); QuickJS's frames only have the function's name. Where the
receiver is not known, where the function is written says it most of the
time: a method of `class Foo` (called on a Foo), of an object literal
(`Object`), or a function stored on `Foo.prototype`. This scan finds that
much, once per file: strings, comments, template literals and regular
expressions are skipped, every `{` is classified by the tokens before it.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Optional

_WORD = re.compile(r"#?[\w$]+")
_PUNCT = re.compile(r"=>|\.\.\.|\?\?|\|\||&&|\?\.|[^\s\w$]")
# After these a `/` starts a regular expression, not a division.
BEFORE_REGEX = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do",
                 "else", "yield", "await"}
_NAME_AFTER = re.compile(r"\s+([\w$]+)")
_KEY_COLON = re.compile(r"\s*:")
_CONTROL = {"if", "for", "while", "switch", "catch", "with"}
_BEFORE_OBJECT = {"=", "(", ",", ":", "[", "?", "return", "||", "&&", "??", "...", "!", "yield", "await"}


class Block:
    """One `{ }`: kind is class, object, method, function, arrow or block."""

    __slots__ = ("start", "end", "kind", "name", "parent", "owner", "inferred", "is_async")

    def __init__(self, start: int, kind: str, name: Optional[str], parent: int, owner: Optional[str]) -> None:
        self.start = start
        self.end = -1
        self.kind = kind
        self.name = name
        self.parent = parent
        self.owner = owner  # `Owner.name` for a function stored as `Owner.prototype.name = function`
        self.inferred: Optional[str] = None  # V8's name for an anonymous function stored in a property
        self.is_async = False  # an async function's body (not an async generator's)


def _skip_string(src: str, i: int) -> int:
    quote = src[i]
    i += 1
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
        elif c == quote or c == "\n":
            return i + 1
        else:
            i += 1
    return i


def skip_regex(src: str, i: int) -> int:
    i += 1
    in_class = False
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "\n":
            return i
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "/":
            m = _WORD.match(src, i + 1)
            return m.end() if m is not None else i + 1
        i += 1
    return i


def template_part(src: str, i: int) -> tuple:
    """From inside a template literal at `i`: (index after its end or its `${`, whether at `${`)."""
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
        elif c == "`":
            return i + 1, False
        elif c == "$" and src.startswith("${", i):
            return i + 2, True
        else:
            i += 1
    return i, False


def scan(src: str, unmatched: Optional[list] = None, awaits: Optional[list] = None) -> list:
    """The blocks of `src`, in the order they open; `unmatched` gets the index of each `}` closing
    nothing, `awaits` that of each `await` keyword."""
    blocks: list = []
    tokens: list = []  # (text, start index) of the code's tokens
    # open brackets: ("{", block index), ("(", token index), ("${", -1), ("[", -1), and the
    # bodies of arrows without braces: ("=>", block index), which end at the line's end, a `,`
    # or `;`, or a bracket they are inside closing
    stack: list = []
    paren_of: dict = {}  # token index of a `)` -> token index of its `(`
    bracket_of: dict = {}  # token index of a `]` -> token index of its `[`
    pending_class: list = []  # (name, depth) of `class` keywords whose body is next
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c in " \t\r\n":
            if c == "\n":
                _end_arrow_bodies(stack, blocks, i)
            i += 1
            continue
        if c == "/" and src.startswith("//", i):
            end = src.find("\n", i)
            i = n if end < 0 else end
            continue
        if c == "/" and src.startswith("/*", i):
            end = src.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if c in "'\"":
            tokens.append(("<string>", i))
            i = _skip_string(src, i)
            continue
        if c == "`":
            tokens.append(("<string>", i))
            i, nested = template_part(src, i + 1)
            if nested:
                stack.append(("${", -1))
            continue
        if c == "/":
            prev = tokens[-1][0] if tokens else None
            ends_operand = prev is not None and (_WORD.fullmatch(prev) is not None or prev in (")", "]", "}", "<string>"))
            if not ends_operand or prev in BEFORE_REGEX:
                tokens.append(("<regex>", i))
                i = skip_regex(src, i)
                continue
        word = _WORD.match(src, i)
        if word is not None:
            text = word.group()
            if text == "class" and not (tokens and tokens[-1][0] in (".", "?.")) \
                    and not _KEY_COLON.match(src, word.end()):  # (not `o.class`, `{ class: 1 }`)
                pending_class.append((_class_name(src, word.end(), tokens), len(stack)))
            elif text == "await" and awaits is not None and not (tokens and tokens[-1][0] in (".", "?.")):
                awaits.append(i)
            tokens.append((text, i))
            i = word.end()
            continue
        punct = _PUNCT.match(src, i)
        text = punct.group()
        if text in (",", ";", ")", "]", "}"):
            _end_arrow_bodies(stack, blocks, i)
        if text == "{":
            kind, name, owner = _classify(tokens, paren_of, bracket_of)
            if pending_class and pending_class[-1][1] == len(stack):
                kind, name, owner = "class", pending_class.pop()[0], None
            parent = next((b for t, b in reversed(stack) if t == "{"), -1)
            blocks.append(Block(i, kind, name, parent, owner))
            if kind in ("method", "function", "arrow"):
                blocks[-1].is_async = _declared_async(tokens, paren_of, bracket_of)
            if kind == "arrow" or (kind == "function" and name is None):
                blocks[-1].inferred = _inferred_name(src, tokens, paren_of)
            stack.append(("{", len(blocks) - 1))
        elif text == "}":
            if stack and stack[-1][0] == "${":
                stack.pop()
                i, nested = template_part(src, i + 1)
                if nested:
                    stack.append(("${", -1))
                tokens.append(("<string>", i))
                continue
            if stack and stack[-1][0] == "{":
                blocks[stack.pop()[1]].end = i
            elif not stack and unmatched is not None:
                unmatched.append(i)
        elif text == "(":
            stack.append(("(", len(tokens)))
        elif text == ")":
            if stack and stack[-1][0] == "(":
                paren_of[len(tokens)] = stack.pop()[1]
        elif text == "[":
            stack.append(("[", len(tokens)))
        elif text == "]":
            if stack and stack[-1][0] == "[":
                bracket_of[len(tokens)] = stack.pop()[1]
        tokens.append((text, i))
        i = punct.end()
        if text == "=>":
            body = i
            while body < n and src[body] in " \t\r\n":
                body += 1
            if body < n and src[body] != "{":
                parent = next((b for t, b in reversed(stack) if t == "{"), -1)
                blocks.append(Block(i, "arrow", _arrow_key(tokens, paren_of), parent, None))
                blocks[-1].inferred = _inferred_name(src, tokens, paren_of)
                blocks[-1].is_async = _declared_async(tokens, paren_of, bracket_of)
                stack.append(("=>", len(blocks) - 1))
    for block in blocks:
        if block.end < 0:
            block.end = n
    return blocks


def opening_bracket(text: str, at: int) -> int:
    """Index of the bracket that encloses position `at` (brackets only, strings not followed); -1 at the top level."""
    depth = 0
    for i in range(at - 1, -1, -1):
        c = text[i]
        if c in ")]}":
            depth += 1
        elif c in "([{":
            if depth == 0:
                return i
            depth -= 1
    return -1


_CLOSERS = {"{": "}", "[": "]", "(": ")"}


def bracket_end(source: str, start: int) -> int:
    """Index just past the bracket closing the one at `start`, strings skipped, on the same line; -1 if none."""
    stack = []
    i = start
    n = len(source)
    while i < n:
        ch = source[i]
        if ch == "\n":
            return -1
        if ch in "'\"`":
            j = i + 1
            while j < n and source[j] != ch:
                if source[j] == "\n":
                    return -1
                j += 2 if source[j] == "\\" else 1
            i = j + 1
            continue
        if ch in _CLOSERS:
            stack.append(_CLOSERS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
            if not stack:
                return i + 1
        elif ch in ")]}":
            return -1
        i += 1
    return -1


def _end_arrow_bodies(stack: list, blocks: list, at: int) -> None:
    """End, at `at`, the bodies of arrows without braces open on top of `stack`."""
    while stack and stack[-1][0] == "=>":
        blocks[stack.pop()[1]].end = at


def _class_name(src: str, after: int, tokens: list) -> Optional[str]:
    """`class Foo` -> Foo; `const Foo = class` -> Foo; else None."""
    m = _NAME_AFTER.match(src, after)
    if m is not None and m.group(1) not in ("extends", "implements"):
        return m.group(1)
    if len(tokens) >= 2 and tokens[-1][0] == "=" and _WORD.fullmatch(tokens[-2][0]):
        return tokens[-2][0]
    return None


def _classify(tokens: list, paren_of: dict, bracket_of: dict) -> tuple:
    """(kind, name, owner) of a `{` from the tokens before it."""
    if not tokens:
        return "block", None, None
    prev = tokens[-1][0]
    if prev == "=>":
        return "arrow", _arrow_key(tokens, paren_of), None
    if prev == ")":
        opened = paren_of.get(len(tokens) - 1)
        if opened is None or opened == 0:
            return "block", None, None
        head = tokens[opened - 1][0]
        if head in _CONTROL or (head == "await" and opened >= 2 and tokens[opened - 2][0] == "for"):
            return "block", None, None
        if head == "function" or (head == "*" and opened >= 2 and tokens[opened - 2][0] == "function"):
            if opened >= 3 and tokens[opened - 2][0] == ":" and _WORD.fullmatch(tokens[opened - 3][0]):
                return "method", tokens[opened - 3][0], None  # `name: function () {`
            return "function", None, _prototype_owner(tokens, opened - 1)
        before = opened - 2
        if before >= 0 and tokens[before][0] == "*":
            before -= 1
        if before >= 0 and tokens[before][0] == "function":
            return "function", head, _prototype_owner(tokens, before)
        if _WORD.fullmatch(head):
            return "method", head, None
        if head == "]" and _computed_key(tokens, bracket_of.get(opened - 1)):
            return "method", None, None  # `[key]() {`, `async [key]() {`
        return "block", None, None
    if prev in _BEFORE_OBJECT:
        return "object", None, None
    return "block", None, None


def _computed_key(tokens: list, opened: Optional[int]) -> bool:
    """Whether the `[` at token `opened` starts a method's computed name (not an index or an array)."""
    if opened is None:
        return False
    before = tokens[opened - 1][0] if opened > 0 else "{"
    return before in ("{", ",", ";", "}", "*", "async", "static", "get", "set")


def _declared_async(tokens: list, paren_of: dict, bracket_of: dict) -> bool:
    """Whether the function whose body opens next (tokens end at the `)` of its parameters,
    or at `=>`) is declared `async` and is no generator."""
    at = len(tokens) - 1
    if tokens[at][0] == "=>":
        at -= 1
        if at >= 0 and tokens[at][0] == ")":
            at = paren_of.get(at, 0)
        return at >= 1 and tokens[at - 1][0] == "async"
    opened = paren_of.get(at)
    if not opened:
        return False
    head = opened - 1
    if tokens[head][0] == "]":
        head = bracket_of.get(head, 0)
    elif tokens[head][0] != "function" and head >= 1 and tokens[head - 1][0] == "function":
        head -= 1  # a named function: `function name(`
    if head >= 1 and tokens[head - 1][0] == "*" or tokens[head][0] == "*":
        return False  # a generator
    return head >= 1 and tokens[head - 1][0] == "async" and (head < 2 or tokens[head - 2][0] not in (".", "?."))


def _prototype_owner(tokens: list, function_at: int) -> Optional[str]:
    """`Owner.prototype.name = function` before the `function` token: `Owner.name`;
    `Owner.name = function`: `static Owner.name` (a function of the object Owner)."""
    texts = [t for t, _ in tokens[max(0, function_at - 6):function_at]]
    if len(texts) == 6 and texts[1] == "." and texts[2] == "prototype" and texts[3] == "." and texts[5] == "=":
        return f"{texts[0]}.{texts[4]}"
    if len(texts) >= 4 and texts[-3] == "." and texts[-1] == "=" and _WORD.fullmatch(texts[-4]) \
            and (len(texts) < 5 or texts[-5] not in (".", "?.")):
        return f"static {texts[-4]}.{texts[-2]}"
    return None


def _arrow_key(tokens: list, paren_of: dict) -> Optional[str]:
    """`key` of `key = (...) =>` or `key: (...) =>` (tokens end at the `=>`): a class field's or a property's name."""
    at = len(tokens) - 2
    if at >= 0 and tokens[at][0] == ")":
        at = paren_of.get(at, 0)
    at -= 1
    if at >= 0 and tokens[at][0] == "async":
        at -= 1
    if at >= 1 and tokens[at][0] in ("=", ":") and _WORD.fullmatch(tokens[at - 1][0]) and \
            (at < 2 or tokens[at - 2][0] not in (".", "?.")):
        return tokens[at - 1][0]
    return None


def _inferred_name(src: str, tokens: list, paren_of: dict) -> Optional[str]:
    """V8's inferred name of the anonymous function or arrow whose body opens next, or None.

    V8 names a function expression stored in a property after the
    property's path (`obj.handler`, `exports.run`, `Foo.bar` for
    `Foo.prototype.bar`, `w.key` for `w['key']`, `arr.<computed>` for
    `arr[i]`); its stack frames show that name as it is. (A plain variable
    gives the function its own name, which QuickJS gives too; `this.x` is
    left alone.)
    """
    at = len(tokens) - 1  # the `)` of the parameters, or `=>`
    if tokens[at][0] == "=>":
        at -= 1
        if tokens[at][0] == ")":
            at = paren_of.get(at, 0)
        at -= 1
    else:
        at = paren_of.get(at, 0) - 1  # `function` (or `*` after it)
        if at >= 0 and tokens[at][0] == "*":
            at -= 1
        at -= 1
    if at >= 0 and tokens[at][0] == "async":
        at -= 1
    paths: list = []
    while at >= 1 and tokens[at][0] == "=" and tokens[at - 1][0] not in ("=", "!", "<", ">"):
        segments: list = []
        at -= 1
        while at >= 0:
            text = tokens[at][0]
            computed = text == "]"
            if computed:
                depth, close = 0, at
                while at >= 0:
                    depth += {"]": 1, "[": -1}.get(tokens[at][0], 0)
                    if depth == 0:
                        break
                    at -= 1
                inside = tokens[at + 1:close]
                if len(inside) == 1 and inside[0][0] == "<string>":
                    start = inside[0][1]
                    segments.append(src[start + 1:_skip_string(src, start) - 1])
                else:
                    segments.append("<computed>")
            elif _WORD.fullmatch(text) and not text.startswith("#"):
                segments.append(text)
            else:
                return None
            at -= 1
            if computed:
                continue  # (the object the brackets index comes next)
            if at >= 0 and tokens[at][0] == ".":
                at -= 1
                continue
            break
        segments.reverse()
        if len(segments) < 2 or segments[0] == "this":
            return None
        paths.insert(0, ".".join(part for part in segments if part != "prototype"))
    return ".".join(paths) if paths else None


def unmatched_close(src: str) -> Optional[int]:
    """The index of the first `}` of `src` that closes no block, or None."""
    found: list = []
    scan(src, found)
    return found[0] if found else None


_scans: dict = {}


def _scan_of(file: str, src: str) -> tuple:
    """(src, its blocks, its `await`s) for the text of `file`, scanned once per text."""
    cached = _scans.get(file)
    if cached is None or (cached[0] is not src and cached[0] != src):
        awaits: list = []
        cached = _scans[file] = (src, scan(src, awaits=awaits), awaits)
    return cached


def _blocks_of(file: str, src: str) -> list:
    """The blocks of `src` (the text of `file`), scanned once per text."""
    return _scan_of(file, src)[1]


def _at_top_level(blocks: list, offset: int) -> bool:
    return not any(b.start < offset < b.end and b.kind in ("method", "function", "arrow", "class") for b in blocks)


_FOR_BEFORE = re.compile(r"(?<![\w$.])for\s*$")


def is_for_await(src: str, at: int) -> bool:
    """Whether the `await` at `at` is a `for await` loop's (no await expression)."""
    return _FOR_BEFORE.search(src, max(0, at - 64), at) is not None


def top_level_awaits(file: str, src: str) -> list:
    """The offsets of the `await`s of module `file` outside its functions (its top-level awaits)."""
    _, blocks, awaits = _scan_of(file, src)
    return [at for at in awaits if _at_top_level(blocks, at)]


def before_top_level_await(file: str, src: str, offset: int) -> bool:
    """Whether `offset` is in the top-level code of module `file` that runs as the module is
    evaluated, before it first awaits (by the text alone: the later turns of a loop that
    awaits count as before too)."""
    if not _at_top_level(_scan_of(file, src)[1], offset):
        return False
    return not any(at < offset for at in top_level_awaits(file, src))


def _function_at(blocks: list, offset: int) -> Optional[Block]:
    """The innermost method, function or arrow whose body holds `offset`, or None."""
    inner = None
    for block in blocks:
        if block.start < offset < block.end and block.kind in ("method", "function", "arrow"):
            inner = block
    return inner


def function_body_at(file: str, src: str, offset: int) -> int:
    """Where the body of the innermost function holding `offset` starts; -1 at the top level."""
    block = _function_at(_blocks_of(file, src), offset)
    return -1 if block is None else block.start


def next_function_body(file: str, src: str, offset: int) -> int:
    """Where the body of the first function written after `offset` starts; -1 if none."""
    for block in _blocks_of(file, src):
        if block.start > offset and block.kind in ("method", "function", "arrow"):
            return block.start
    return -1


def owner_of(file: str, src: str, offset: int, name: str) -> Optional[str]:
    """How V8 would name the function `name` running at `offset` when called as a method.

    `Foo.name` for a method of class Foo or a function on Foo.prototype,
    `Object.name` for a method of an object literal, `#name` for a private
    method; "" for a function of no such place; None when the function at
    `offset` is not one called `name`.
    """
    blocks = _blocks_of(file, src)
    block = _function_at(blocks, offset)
    if block is None:
        return None
    if block.kind == "method":
        if block.name == f"#{name}":
            return block.name
        if block.name != name or block.parent < 0:
            return None
        parent = blocks[block.parent]
        if parent.kind == "class":
            return f"{parent.name}.{name}" if parent.name else None
        return f"Object.{name}" if parent.kind == "object" else None
    if block.kind == "function" and block.name == name:
        owner = _stored_as(block, src)
        return f"{owner.split('.')[0]}.{name}" if owner else ""
    if block.kind == "arrow" and block.name == name and block.parent >= 0:
        # A class field's arrow runs on the instance; a property's, V8 names after an Object.
        parent = blocks[block.parent]
        if parent.kind == "class":
            return f"{parent.name}.{name}" if parent.name else None
        return f"Object.{name}" if parent.kind == "object" else None
    return None


def _stored_as(block: Block, src: str) -> Optional[str]:
    """V8's `Type.name` for a function stored as a property (its block's owner), or None.

    Stored on a constructor declared in `src` (`Buffer.alloc = function`),
    the receiver is a function: V8 names its class Function.
    """
    owner = block.owner
    if owner is None or not owner.startswith("static "):
        return owner
    target, _, key = owner[7:].partition(".")
    declared = re.search(rf"\b(?:function|class)\s+{re.escape(target)}\b", src)
    return f"Function.{key}" if declared is not None else None


_CLASS_HEAD = re.compile(r"\bclass\b(?:\s+[\w$]+)?(?:\s+extends\s+([\w$.]+))?[^{]*$")


def class_closed_at(file: str, src: str, offset: int) -> Optional[tuple]:
    """(index of `class`, the name it extends or None) of the class whose body's `}` is at `offset`.

    QuickJS places the frame of a class's implicit constructor there; V8 at `class`.
    """
    for block in _blocks_of(file, src):
        if block.kind == "class" and block.end == offset:
            head = _CLASS_HEAD.search(src, max(0, block.start - 200), block.start)
            return None if head is None else (head.start(), head.group(1))
    return None


def class_at(file: str, src: str, offset: int) -> Optional[str]:
    """The name of the class whose method runs at `offset`, or None."""
    blocks = _blocks_of(file, src)
    inner = _function_at(blocks, offset)
    while inner is not None and inner.kind in ("arrow", "block") and inner.parent >= 0:
        inner = blocks[inner.parent]  # (an arrow's `super` is its method's)
    if inner is None or inner.kind != "method" or inner.parent < 0:
        return None
    parent = blocks[inner.parent]
    return parent.name if parent.kind == "class" else None


def inferred_name(file: str, src: str, offset: int) -> Optional[str]:
    """V8's inferred name of the anonymous function running at `offset` (see _inferred_name), or None."""
    inner = _function_at(_blocks_of(file, src), offset)
    return None if inner is None else inner.inferred


def method_name(file: str, src: str, offset: int) -> Optional[str]:
    """V8's name for the frame of the function running at `offset`, called as a method of its owner.

    `Foo.m` for a method of class Foo or a function stored as
    `Foo.prototype.m` (named or not), `new Foo` for its constructor; None
    for any other function.
    """
    blocks = _blocks_of(file, src)
    inner = _function_at(blocks, offset)
    if inner is None:
        return None
    if inner.kind == "function":
        return _stored_as(inner, src)
    if inner.kind == "method" and inner.parent >= 0 and not inner.name.startswith("#"):
        parent = blocks[inner.parent]
        if parent.kind == "class" and parent.name:
            return f"new {parent.name}" if inner.name == "constructor" else f"{parent.name}.{inner.name}"
    return None
