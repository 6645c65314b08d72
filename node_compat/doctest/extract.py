"""Finding the JavaScript examples of a Node API doc and what their comments promise.

Three formats: Node's own markdown (```mjs / ```cjs / ```js fences, an
ESM/CJS pair being two adjacent fences), the translated markdown with
`::: code-group` blocks of ```js [ESM] / ```js [CJS], and the HTML pages
(`<pre><code class="language-mjs">`, whose newlines may have been collapsed
into spaces: such code is reflowed and flagged). Comments such as
`// Prints: x` and their translations become expectations.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Optional

PRINTS_WORDS = (
    "Prints", "prints", "Prints out", "Output", "Outputs", "Logs",
    "Stampa", "stampa", "Affiche", "affiche", "Imprime", "imprime", "Gibt aus", "Ausgabe",
    "Выводит", "输出", "打印", "出力",
)
RETURNS_WORDS = (
    "Returns", "returns", "Restituisce", "restituisce", "Retourne", "retourne", "Renvoie", "renvoie",
    "Devuelve", "devuelve", "Gibt zurück", "Возвращает", "返回",
)
_EXPECT = re.compile(
    r"//\s*(?P<word>" + "|".join(re.escape(w) for w in sorted(PRINTS_WORDS + RETURNS_WORDS, key=len, reverse=True))
    + r")\s*:?\s*(?P<text>.*?)\s*$"
)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{#[^}]*\})?\s*$")
_FENCE = re.compile(r"^(\s*)```\s*([\w+-]*)\s*(?:\[(\w+)\])?\s*$")

JS_LANGS = {"js", "javascript", "mjs", "cjs"}


@dataclass
class Expectation:
    kind: str  # 'prints' or 'returns'
    text: str
    line: int  # 1-based line inside the variant's code
    expression: Optional[str] = None  # for 'returns': the expression whose value is promised


@dataclass
class Variant:
    lang: str  # 'esm', 'cjs' or a non-JS language name
    code: str
    doc_line: int
    reflowed: bool = False
    expectations: list[Expectation] = field(default_factory=list)


@dataclass
class Example:
    number: int
    section: str
    variants: list[Variant]

    @property
    def is_javascript(self) -> bool:
        return any(v.lang in ("esm", "cjs") for v in self.variants)


_CONTINUATION = re.compile(r"^\s*//\s{2,}(.*?)\s*$")


def expectations_of(code: str) -> list[Expectation]:
    found = []
    lines = code.split("\n")
    for lineno, line in enumerate(lines, start=1):
        m = _EXPECT.search(line)
        if m is None:
            continue
        word = m.group("word")
        text = m.group("text")
        if text == "" and word not in RETURNS_WORDS:
            # "// Prints:" followed by indented comment lines: one expectation per line.
            k = lineno
            while k < len(lines) and (cont := _CONTINUATION.match(lines[k])) is not None:
                found.append(Expectation("prints", cont.group(1), k + 1))
                k += 1
            continue
        if word in RETURNS_WORDS:
            expr = line[: m.start()].strip().rstrip(";").strip()
            expr_line = lineno
            if not expr and lineno >= 2 and lines[lineno - 2].strip() and not lines[lineno - 2].strip().startswith("//"):
                # Node's style: the comment on its own line, under the expression.
                expr_line = lineno - 1
                expr = lines[lineno - 2].strip().rstrip(";").strip()
            if text == "":  # the value is written on the following comment lines
                parts, k = [], lineno
                while k < len(lines) and (cont := re.match(r"^\s*//\s?(.*?)\s*$", lines[k])) and cont.group(1):
                    parts.append(cont.group(1))
                    k += 1
                text = " ".join(parts)
            found.append(Expectation("returns", text, expr_line, expr or None))
        else:
            found.append(Expectation("prints", text, lineno))
    return found


def _language(info: str, tag: Optional[str], code: str) -> str:
    info = (info or "").lower()
    tag = (tag or "").upper()
    if tag == "ESM" or info == "mjs":
        return "esm"
    if tag == "CJS" or info == "cjs":
        return "cjs"
    if info in ("js", "javascript"):
        return "esm" if re.search(r"^\s*(import\s|export\s)", code, re.M) else "cjs"
    return info or "text"


def _variant(lang: str, code: str, doc_line: int, reflowed: bool = False) -> Variant:
    return Variant(lang, code, doc_line, reflowed, expectations_of(code) if lang in ("esm", "cjs") else [])


def parse_markdown(text: str) -> list[Example]:
    """Examples of Node's markdown docs and of the translated (code-group) ones."""
    lines = text.split("\n")
    examples: list[Example] = []
    section = ""
    group: Optional[list[Variant]] = None
    group_section = ""
    last_pair: Optional[Example] = None  # an mjs block waiting for its cjs twin
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = _HEADING.match(line)
        if heading and group is None:
            section = re.sub(r"\s*\{#[^}]*\}\s*$", "", heading.group(2)).strip()
            last_pair = None
        elif line.strip().startswith("::: code-group"):
            group = []
            group_section = section
        elif line.strip() == ":::" and group is not None:
            if group:
                examples.append(Example(len(examples) + 1, group_section, group))
            group = None
            last_pair = None
        else:
            fence = _FENCE.match(line)
            if fence and (fence.group(2) or fence.group(3)):
                start = i + 1
                j = start
                while j < len(lines) and not lines[j].strip().startswith("```"):
                    j += 1
                code = "\n".join(lines[start:j])
                variant = _variant(_language(fence.group(2), fence.group(3), code), code, start + 1)
                if group is not None:
                    group.append(variant)
                elif variant.lang == "cjs" and last_pair is not None and fence.group(2) == "cjs":
                    last_pair.variants.append(variant)
                    last_pair = None
                else:
                    example = Example(len(examples) + 1, section, [variant])
                    examples.append(example)
                    last_pair = example if fence.group(2) == "mjs" else None
                i = j
            elif line.strip() and not fence:
                if last_pair is not None and not line.strip().startswith("```"):
                    last_pair = None
        i += 1
    return examples


_HTML_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)
_HTML_CODE = re.compile(r'<pre[^>]*>\s*<code(?:\s+class="language-([\w-]+)")?[^>]*>(.*?)</code>\s*</pre>', re.S)


def _strip_tags(fragment: str) -> str:
    text = re.sub(r"<span><a class=\"mark\".*?</span>", "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def reflow(code: str) -> str:
    """Put back the line breaks an HTML page collapsed: end each `//` comment before the next code.

    A comment in these docs is prose: it ends just before the first word that
    contains code punctuation (`;(){}=`), which starts the next statement.
    """
    out = []
    i = 0
    n = len(code)
    quote = None
    while i < n:
        ch = code[i]
        if quote:
            out.append(ch)
            if ch == "\\" and i + 1 < n:
                out.append(code[i + 1])
                i += 2
                continue
            if ch == quote:
                quote = None
            i += 1
            continue
        if ch in "'\"`":
            quote = ch
            out.append(ch)
            i += 1
            continue
        if code.startswith("//", i):
            words = code[i:].split(" ")
            comment = [words[0]]
            k = 1
            while k < len(words) and not re.search(r"[;(){}=]", words[k]):
                comment.append(words[k])
                k += 1
            text = " ".join(comment).rstrip()
            out.append(text + "\n")
            i += len(" ".join(words[:k]))
            while i < n and code[i] == " ":
                i += 1
            continue
        out.append(ch)
        if ch in ";{}" and i + 1 < n and code[i + 1] == " ":
            out.append("\n")
            i += 1
        i += 1
    return "".join(out).strip() + "\n"


def parse_html(text: str) -> list[Example]:
    """Examples of Node's HTML doc pages."""
    events = [(m.start(), "h", m) for m in _HTML_HEADING.finditer(text)]
    events += [(m.start(), "c", m) for m in _HTML_CODE.finditer(text)]
    events.sort(key=lambda e: e[0])
    examples: list[Example] = []
    section = ""
    pending: Optional[Example] = None
    last_end = 0
    for pos, kind, m in events:
        if kind == "h":
            section = _strip_tags(m.group(2))
            pending = None
            continue
        info = m.group(1) or ""
        code = html.unescape(m.group(2))
        reflowed = "\n" not in code.strip() and "//" in code
        if reflowed:
            code = reflow(code)
        variant = _variant(_language(info, None, code), code, text.count("\n", 0, pos) + 1, reflowed)
        between = text[last_end:pos]
        if pending is not None and info == "cjs" and not re.sub(r"<[^>]+>|\s", "", between):
            pending.variants.append(variant)
            pending = None
        else:
            example = Example(len(examples) + 1, section, [variant])
            examples.append(example)
            pending = example if info == "mjs" else None
        last_end = m.end()
    return examples


def parse_doc(path: str) -> list[Example]:
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if path.endswith((".html", ".htm")) or text.lstrip().startswith(("<!DOCTYPE", "<html")):
        return parse_html(text)
    return parse_markdown(text)
