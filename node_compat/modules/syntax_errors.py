"""V8's wording of a syntax error in a source file, from QuickJS's and the source.

QuickJS says what it expected (`expecting '}'`) where V8 names what it found
(`Unexpected identifier 'b'`), and both point at the same token. So the
token at QuickJS's position is read and named as V8 names it, with the span
V8 underlines. Errors of other kinds keep QuickJS's wording (None).
"""

from __future__ import annotations

import re

from . import js_blocks

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Optional

_IDENTIFIER = re.compile(r"[^\W\d][\w$]*|\$[\w$]*")
_NUMBER = re.compile(r"\d[\w.]*|\.\d[\w]*")
_PUNCTUATORS = sorted(
    "{ } ( ) [ ] ; , < > <= >= == != === !== + - * / % ** ++ -- << >> >>> & | ^ ! ~ && || ?? ? ?. : = += -= *= /= "
    "%= **= <<= >>= >>>= &= |= ^= &&= ||= ??= => ... . @ #".split(), key=len, reverse=True)
_RESERVED = set(
    "await break case catch class const continue debugger default delete do else enum export extends false finally "
    "for function if import in instanceof new null return super switch this throw true try typeof var void while "
    "with yield".split())
_LEXICAL = ("unexpected end of string", "invalid number literal", "unexpected character", "invalid escape sequence")
# QuickJS's messages when the source ends inside a construct.
_AT_END = ("expecting ','", "expecting ')'", "expecting '}'", "expecting ']'", "unexpected end of string",
           "unexpected end of input")
_DUPLICATE_EXPORT = re.compile(r"^duplicate exported name '(.+)'$")
_EXPECTING = re.compile(
    r"^(?:expecting |unexpected token|class statement requires a name$|variable name expected$|invalid property name$)")
# QuickJS messages V8 words otherwise, at the same token.
_RENAMED = {"'let' is not a valid lexical identifier": "let is disallowed as a lexically bound name",
            # (only in a module: in a script QuickJS takes `await` for a name)
            "unexpected 'await' keyword": "Unexpected reserved word",
            "invalid keyword: with": "Strict mode code may not include a with statement"}


def _token(source: str, at: int) -> tuple:
    """(kind, text) of the token starting at `at`: identifier, number, string, template or punctuator."""
    c = source[at]
    if c in "'\"":
        end = at + 1
        while end < len(source) and source[end] not in (c, "\n"):
            end += 2 if source[end] == "\\" else 1
        closed = end < len(source) and source[end] == c
        return "string", source[at:end + 1 if closed else end]
    if c == "`":
        return "template", c
    for kind, pattern in (("number", _NUMBER), ("identifier", _IDENTIFIER)):
        m = pattern.match(source, at)
        if m is not None:
            return kind, m.group()
    for punct in _PUNCTUATORS:
        if source.startswith(punct, at):
            return "punctuator", punct
    return "punctuator", c


def _previous_token(source: str, at: int) -> Optional[tuple]:
    """(start, text) of the token before `at`, white space and line ends skipped."""
    end = at
    while end > 0 and source[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    c = source[end - 1]
    if c in "'\"":
        start = source.rfind(c, 0, end - 1)
        return (start, source[start:end]) if start >= 0 else None
    start = end - 1
    if c.isalnum() or c in "_$":
        while start > 0 and (source[start - 1].isalnum() or source[start - 1] in "_$"):
            start -= 1
    return start, source[start:end]


def _in_call_arguments(source: str, at: int) -> bool:
    """Whether `at` is inside the parentheses of a call (`f(a, b`), not of a declaration or group."""
    i = js_blocks.opening_bracket(source, at)
    if i == -1 or source[i] != "(":
        return False
    head = source[:i].rstrip()
    callee = re.search(r"([\w$]+)$", head)
    if callee is not None and re.search(r"\bfunction\s*\*?\s*[\w$]*$", head):
        return False
    return callee is not None and callee.group(1) not in _RESERVED or head.endswith((")", "]"))


def _at(source: str, index: int, message: str, length: int) -> dict:
    line = source.count("\n", 0, index) + 1
    return {"message": message, "line": line, "column": index - (source.rfind("\n", 0, index) + 1) + 1,
            "length": length}


def _end_of_input(lines: list) -> dict:
    """At the end of the source: V8 names its last line and underlines nothing."""
    return {"message": "Unexpected end of input", "line": len(lines), "column": len(lines[-1]) + 1, "length": 0}


def _missing_paren(source: str, at: int) -> Optional[dict]:
    """V8's error for arguments not closed before `at`: under the last token of the arguments."""
    previous = _previous_token(source, at)
    if previous is None:
        return None
    return _at(source, previous[0], "missing ) after argument list", len(previous[1]))


def v8_syntax_error(source: str, line: int, column: int, message: str) -> Optional[dict]:
    """{message, line, column, length} as V8 reports the error QuickJS put at `line`:`column`, or None.

    `length` is the span of carets (0 at the end of the input, where V8
    prints none).
    """
    lines = source.split("\n")
    at = sum(len(text) + 1 for text in lines[:line - 1]) + column - 1
    end = len(source.rstrip())
    if at < 0 or (at < end and source[at].isspace()):
        return None  # (not at a token: a position this reading does not follow)
    if line > len(lines) or at >= end:
        # QuickJS failed in the CommonJS wrapper's end: the source closed the
        # wrapper early, or ended inside a construct.
        closer = js_blocks.unmatched_close(source)
        if closer is not None:
            return _at(source, closer, f"Unexpected token '{source[closer]}'", 1)
        if message in ("expecting ','", "expecting ')'") and _in_call_arguments(source, end):
            return _missing_paren(source, end)
        if message not in _AT_END and not message.startswith("unexpected token in expression"):
            return None
        return _end_of_input(lines)
    if message in _LEXICAL:
        kind, text = _token(source, at)
        if kind == "template":  # (an unclosed template literal runs to the end)
            return _end_of_input(lines)
        length = len(text) if kind == "string" else 1
        return {"message": "Invalid or unexpected token", "line": line, "column": column, "length": length}
    kind, text = _token(source, at)
    if message in _RENAMED:
        return {"message": _RENAMED[message], "line": line, "column": column, "length": len(text)}
    if message == "property constructor appears more than once":
        # (QuickJS is past the second constructor's name, which V8 underlines)
        previous = _previous_token(source, at)
        if previous is None or previous[1] != "constructor":
            return None
        return _at(source, previous[0], "A class may only have one constructor", len(previous[1]))
    exported = _DUPLICATE_EXPORT.match(message)
    if exported is not None:
        # V8 underlines the export's specifier (`b as a`), QuickJS is past it.
        previous = _previous_token(source, at)
        if previous is None or previous[1] != exported.group(1):
            return None
        local = re.search(r"([\w$]+)\s+as\s+$", source[:previous[0]])
        start = local.start(1) if local is not None else previous[0]
        return _at(source, start, f"Duplicate export of '{exported.group(1)}'", previous[0] + len(previous[1]) - start)
    if message in ("invalid redefinition of lexical identifier", "invalid redefinition of global identifier"):
        default = re.search(r"(?:^|[;{}]\s*)export\s+(default\b[^;\n]*?)\s*$", source[:at], re.M)
        if default is not None:  # (a second `export default`: V8 names the binding `.default`)
            return _at(source, default.start(1), "Identifier '.default' has already been declared",
                       len(default.group(1)))
        previous = _previous_token(source, at)
        if previous is None:
            return None
        # (V8 marks the name's first character only)
        return _at(source, previous[0], f"Identifier '{previous[1]}' has already been declared", 1)
    if not _EXPECTING.match(message):
        return None
    if message in ("expecting ','", "expecting ')'") and _in_call_arguments(source, at):
        return _missing_paren(source, at)
    if kind == "identifier" and text == "await":
        found = "Unexpected reserved word"  # (V8's word for an await where it cannot be)
    elif kind == "identifier":
        found = f"Unexpected token '{text}'" if text in _RESERVED else f"Unexpected identifier '{text}'"
    elif kind == "number":
        found = "Unexpected number"
    elif kind == "string":
        found = "Unexpected string"
    elif kind == "template":
        found = "Unexpected template string"
    else:
        found = f"Unexpected token '{text}'"
    return {"message": found, "line": line, "column": column, "length": len(text)}
