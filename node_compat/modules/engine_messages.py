"""V8's wording of the engine's own errors that name an expression of the source.

QuickJS says `not a function` where V8 prints the callee as written
(`o.a.f(...).g is not a function`), and `value is not iterable` where V8
names the iterated expression. QuickJS puts such an error at the call's
parenthesis or at the expression's start, so the expression is read from
the source there and printed as V8's CallPrinter prints it. Only simple
paths are printed (names, `this`, `.x`, `?.x`, `[name]`, `[0]`, `["x"]` and
calls in between, shown as `(...)`); others keep QuickJS's wording (None).
"""

from __future__ import annotations

import re

from .js_blocks import bracket_end, opening_bracket

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Optional

_NAME = re.compile(r"[A-Za-z_$][\w$]*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_STRING = re.compile(r"""'([^'\\\n]*)'|"([^"\\\n]*)\"""")
_NOT_NAMES = {"new", "typeof", "void", "delete", "await", "return", "yield", "case", "in", "of", "instanceof"}


def _close_of(text: str, at: int) -> int:
    """Index of the bracket closing the one at `at`, strings skipped; -1 if none."""
    end = bracket_end(text, at)
    return end - 1 if end != -1 else -1


def _print_path(text: str, at: int, end: int = -1) -> Optional[tuple]:
    """(printed, end) of the simple path starting at `at` (and ending at `end`, if given) as V8 prints it.

    None if it is not one.
    """
    head = _NAME.match(text, at)
    if head is None or head.group() in _NOT_NAMES:
        return None
    out = [head.group()]
    i = head.end()
    stop = len(text) if end < 0 else end
    while i < stop:
        if text.startswith("?.", i) and not text[i + 2:i + 3].isdigit():
            name = _NAME.match(text, i + 2)
            if name is None:
                return None
            out.append("?." + name.group())
            i = name.end()
        elif text[i] == "." and not text.startswith("...", i):
            name = _NAME.match(text, i + 1)
            if name is None:
                return None
            out.append("." + name.group())
            i = name.end()
        elif text[i] == "[":
            close = _close_of(text, i)
            if close == -1:
                return None
            inner = text[i + 1:close].strip()
            if _NAME.fullmatch(inner) or _NUMBER.fullmatch(inner):
                out.append(f"[{inner}]")
            else:
                string = _STRING.fullmatch(inner)
                if string is None:
                    return None
                value = string.group(1) if string.group(1) is not None else string.group(2)
                out.append("." + value if _NAME.fullmatch(value) else f'["{value}"]')
            i = close + 1
        elif text[i] == "(":
            close = _close_of(text, i)
            if close == -1:
                return None
            out.append("(...)")
            i = close + 1
        else:
            break
    return "".join(out), i


def _chain_start(text: str, end: int) -> int:
    """Where the path of names, dots and brackets that reaches `end` starts."""
    i = end
    while i > 0:
        c = text[i - 1]
        if c in ")]":
            depth = 0
            j = i - 1
            while j >= 0:
                depth += {")": 1, "]": 1, "(": -1, "[": -1}.get(text[j], 0)
                if depth == 0:
                    break
                j -= 1
            if j < 0:
                return -1
            i = j
        elif c.isalnum() or c in "_$.?":
            i -= 1
        else:
            break
    while i < end and text[i] in ".?":
        i += 1
    return i


def _path_before(text: str, end: int) -> Optional[tuple]:
    """(printed, start) of the simple path that ends just before `end`."""
    start = _chain_start(text, end)
    printed = None if start < 0 else _print_path(text, start, end)
    if printed is None or printed[1] != end:
        return None
    return printed[0], start


_READ_ONLY = re.compile(r"^'(.+)' is read-only$")
_COMPOUND = re.compile(r"(?:\*\*|<<|>>>?|&&|\|\||\?\?|[-+*/%&|^])=|\+\+|--")
_ASSIGNED = re.compile(r"([A-Za-z_$][\w$]*)\s*$")
_NOT_ITERABLE = re.compile(r"^(?:value is not iterable|cannot read property 'Symbol\.iterator' of (?:null|undefined))$")


CLASS_CALLED = "class constructors must be invoked with 'new'"


def v8_message(message: str, line_text: str, column: int, function: str = "") -> Optional[str]:
    """V8's message for QuickJS's `message` at 1-based `column` of a source line, or None.

    `function` is the name of the function the error was made in (QuickJS
    makes a class constructor's error in the constructor itself).
    """
    if message == CLASS_CALLED:
        return f"Class constructor {function} cannot be invoked without 'new'" if _NAME.fullmatch(function) else None
    at = column - 1
    if not 0 <= at < len(line_text):
        return None
    if message.endswith(" is not a constructor"):
        # (QuickJS's words for a function that cannot construct: it names the
        # function, where V8 prints the expression as written)
        message = "not a constructor"
    if message in ("not a function", "not a constructor"):
        if line_text[at] != "(":
            # `new X;`: QuickJS is just past the path
            made = _path_before(line_text, at) if re.search(r"[\w$)\]]$", line_text[:at]) else None
            if made is None or re.search(r"\bnew\s+$", line_text[:made[1]]) is None:
                return None
            return f"{made[0]} is not a constructor"
        callee = _path_before(line_text, at)
        if callee is None:
            return _intermediate_value(line_text, at)
        printed, start = callee
        constructed = re.search(r"\bnew\s+$", line_text[:start]) is not None
        return f"{printed} is not a {'constructor' if constructed else 'function'}"
    if _NOT_ITERABLE.match(message):
        before = line_text[:at].rstrip()
        if before.endswith("...") and _opened_by(line_text, at) == "(":
            return "Spread syntax requires ...iterable[Symbol.iterator] to be a function"
        literal = re.compile(r"\d+(?:\.\d+)?|null|undefined|true|false").match(line_text, at)
        if literal is not None and not _NAME.match(line_text, literal.end()):
            return f"{literal.group()} is not iterable"
        # (QuickJS is at the path's start, or at the `.` of its last step)
        start = _chain_start(line_text, at)
        printed = None if start < 0 else _print_path(line_text, start)
        return None if printed is None or printed[1] <= at else f"{printed[0]} is not iterable"
    read_only = _READ_ONLY.match(message)
    if read_only is not None:
        # A const binding assigned (QuickJS is at its name); a read-only
        # property is worded otherwise by V8 and left as it is.
        # (at a compound assignment's operator, QuickJS is past the name)
        name, start = None, at
        if _COMPOUND.match(line_text, at):
            before = _ASSIGNED.search(line_text[:at])
            if before is not None:
                name, start = before.group(1), before.start(1)
        else:
            here = _NAME.match(line_text, at)
            name = here.group() if here is not None else None
        if name == read_only.group(1) and (start == 0 or line_text[start - 1] not in ".$"):
            return "Assignment to constant variable."
    return None


_FUNCTION_LITERAL = re.compile(r"\(\s*(?:async\b|function\b|\([^()]*\)\s*=>|[\w$]+\s*=>)")


def _intermediate_value(text: str, at: int) -> Optional[str]:
    """`new (() => {})()`: V8 prints a parenthesized function literal
    constructed at `at` as `(intermediate value)`."""
    if not text[:at].rstrip().endswith(")"):
        return None
    start = opening_bracket(text, len(text[:at].rstrip()) - 1)
    if start == -1 or _FUNCTION_LITERAL.match(text, start) is None or not re.search(r"\bnew\s+$", text[:start]):
        return None
    return "(intermediate value) is not a constructor"


def _opened_by(text: str, at: int) -> str:
    """The bracket that encloses position `at` on its line ('' at the top level)."""
    i = opening_bracket(text, at)
    return text[i] if i != -1 else ""
