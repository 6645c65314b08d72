"""What an example needs before it can run: bindings for fragments, peers, a network of its own.

A fragment uses names it never declares (`socket.bind({...})` with no
`socket`). When the doc's module gives an obvious binding for such a name
(`const socket = dgram.createSocket('udp4')` in the dgram doc), the runner
prepends it and reports which. Examples that talk to a fixed port or socket
path they do not serve themselves get a peer.
"""

from __future__ import annotations

import os
import re
import socket
from dataclasses import dataclass
from typing import Optional

# Builtins a doc may use without importing them in a fragment.
MODULE_NAMES = (
    "dgram", "net", "fs", "path", "os", "util", "events", "assert", "dns", "buffer", "stream",
    "child_process", "url", "timers", "crypto", "http", "https", "tls", "zlib", "readline",
)

# name -> binding per doc module; `{mod}` is the doc's module variable.
OBJECT_BINDINGS = {
    "dgram": {
        "socket": "const socket = dgram.createSocket('udp4');",
        "server": "const server = dgram.createSocket('udp4');",
        "client": "const client = dgram.createSocket('udp4');",
    },
    "net": {
        "server": "const server = net.createServer();",
        "socket": "const socket = new net.Socket();",
        "client": "const client = new net.Socket();",
    },
    "events": {
        "emitter": "const emitter = new EventEmitter();",
        "myEmitter": "const myEmitter = new EventEmitter();",
    },
}

DEFAULT_IMPORT_NAMES = {"EventEmitter": ("events", "EventEmitter")}

# The name a doc's examples give the module itself when it is not the module's name.
MODULE_VARIABLES = {"events": "EventEmitter"}


@dataclass
class Preparation:
    code: str
    bindings: list[str]


def _declares(code: str, name: str) -> bool:
    n = re.escape(name)
    patterns = (
        rf"\b(?:const|let|var|function|class)\s+{n}\b",
        rf"\b(?:const|let|var)\s*\{{[^}}]*\b{n}\b[^}}]*\}}\s*=",
        rf"\bimport\s+{n}\b",
        rf"\bimport\s*\{{[^}}]*\b{n}\b[^}}]*\}}",
        rf"\bimport\s+\*\s+as\s+{n}\b",
        rf"\(\s*(?:[\w$]+\s*,\s*)*{n}\s*(?:,\s*[\w$]+\s*)*\)\s*=>",
        rf"\bfunction\s*[\w$]*\s*\([^)]*\b{n}\b[^)]*\)",
        rf"\b{n}\s*=>",
    )
    return any(re.search(p, code) for p in patterns)


def _uses(code: str, name: str) -> bool:
    stripped = re.sub(r"//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"", " ", code, flags=re.S)
    return re.search(rf"(?<![\w$.]){re.escape(name)}\b(?!\s*:)", stripped) is not None


def doc_module(path: str, examples_code: list[str]) -> Optional[str]:
    """The builtin a doc is about: from its file name, else from what its examples import most."""
    base = os.path.basename(path).split(".")[0]
    if base in MODULE_NAMES:
        return base
    counts: dict = {}
    for code in examples_code:
        for m in re.finditer(r"(?:from|require\()\s*'node:([\w/]+)'", code):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return max(counts, key=counts.get) if counts else None


def missing_interfaces(code: str) -> list[str]:
    """The network interfaces a program names (an IPv6 scope, `::%eth1`) that this machine lacks."""
    named = re.findall(r"%([A-Za-z][\w.-]*)'", code)
    return [name for name in dict.fromkeys(named) if name not in _interfaces()]


def joins_multicast(code: str) -> bool:
    """Whether a program joins a multicast group: the kernel then tells the network
    (IGMP), so it runs only in a network namespace of its own."""
    return re.search(r"\.add(?:SourceSpecific)?Membership\s*\(", code) is not None


def _interfaces() -> set:
    try:
        return {name for _, name in socket.if_nameindex()}
    except OSError:
        return set()


def prepare(code: str, lang: str, module: Optional[str]) -> Preparation:
    """The runnable program for a variant: the code itself, or a fragment with bindings prepended."""
    bindings: list[str] = []
    needed_modules = []
    module_var = MODULE_VARIABLES.get(module or "", module)
    for name, binding in OBJECT_BINDINGS.get(module or "", {}).items():
        if _uses(code, name) and not _declares(code, name):
            bindings.append(binding)
            if module_var == module:
                needed_modules.append(module)
            elif not _declares(code, module_var) and not any(module_var in b for b in bindings[:-1]):
                bindings.insert(0, f"import {module_var} from 'node:{module}';" if lang == "esm"
                                else f"const {module_var} = require('node:{module}');")
    for name in MODULE_NAMES:
        if (_uses(code, name) or name in needed_modules) and not _declares(code, name):
            needed_modules.append(name)
    for name, (mod, export) in DEFAULT_IMPORT_NAMES.items():
        if _uses(code, name) and not _declares(code, name):
            stmt = (f"import {{ {export} as {name} }} from 'node:{mod}';" if lang == "esm"
                    else f"const {{ {export}: {name} }} = require('node:{mod}');")
            bindings.insert(0, stmt)
    imports = []
    for mod in dict.fromkeys(needed_modules):
        if mod is None or (_declares(code, mod)):
            continue
        imports.append(f"import {mod} from 'node:{mod}';" if lang == "esm" else f"const {mod} = require('node:{mod}');")
    bindings = imports + bindings
    if not bindings:
        return Preparation(code, [])
    return Preparation("\n".join(bindings) + "\n" + code, bindings)


# -- peers -------------------------------------------------------------------------------

_SERVES = (
    re.compile(r"\.bind\(\s*(\d{2,5})\b"),
    re.compile(r"\.bind\(\s*\{[^}]*\bport\s*:\s*(\d{2,5})"),
    re.compile(r"\.listen\(\s*(\d{2,5})\b"),
    re.compile(r"\.listen\(\s*\{[^}]*\bport\s*:\s*(\d{2,5})"),
    re.compile(r"\.listen\(\s*'([^']+\.sock)'"),
)
_TARGETS = (
    re.compile(r"\.send\([^;]*?,\s*(\d{4,5})\s*[,)]"),
    re.compile(r"\.connect\(\s*(\d{4,5})\b"),
    re.compile(r"createConnection\(\s*(\d{4,5})\b"),
    re.compile(r"(?:createConnection|connect)\(\s*\{[^}]*\bport\s*:\s*(\d{4,5})"),
    re.compile(r"(?:createConnection|connect)\(\s*\{[^}]*\bpath\s*:\s*'([^']+)'"),
)


def endpoints(code: str, patterns: tuple) -> set:
    found = set()
    for pattern in patterns:
        for m in pattern.finditer(code):
            value = m.group(1)
            found.add(int(value) if value.isdigit() else value)
    return found


def serves(code: str) -> set:
    return endpoints(code, _SERVES)


def targets(code: str) -> set:
    """Fixed ports/paths the code sends to or connects to but does not serve itself."""
    return endpoints(code, _TARGETS) - serves(code)


def transport(code: str) -> str:
    return "udp" if "dgram" in code or "createSocket(" in code else "tcp"
