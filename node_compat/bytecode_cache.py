"""A disk cache of compiled builtin modules, so startup loads bytecode instead of parsing.

QuickJS loads its bytecode ~15x faster than it parses source. Entries live in
`$XDG_CACHE_HOME/pynode/bytecode/<engine version>/<installation>/`, one file
per builtin, keyed by the source file's size and modification time; a stale or
unreadable entry is simply recompiled. Each installation (a checkout, a venv)
has its own directory: sharing one, two installations would keep replacing
each other's entries and both would parse at every start. Set PYNODE_NO_BYTECODE_CACHE=1 to bypass it.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Callable, Optional


class BytecodeCache:
    def __init__(self, engine_version: str) -> None:
        self.dir: Optional[str] = None
        if os.environ.get("PYNODE_NO_BYTECODE_CACHE"):
            return
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        self.dir = os.path.join(base, "pynode", "bytecode", engine_version,
                                installation_key(os.path.dirname(os.path.abspath(__file__))))

    def load(self, ident: str, path: str, compile_fn: Callable[[], bytes], variant: str = "") -> bytes:
        """Bytecode for the builtin `ident` whose source is at `path`.

        `variant` names how the source is compiled, when that changes (an
        entry compiled another way is stale).
        """
        if self.dir is None:
            return compile_fn()
        st = os.stat(path)
        key = f"{st.st_size}:{st.st_mtime_ns}{':' + variant if variant else ''}\n".encode()
        entry = os.path.join(self.dir, ident.replace("/", "%") + ".qbc")
        try:
            with open(entry, "rb") as fh:
                data = fh.read()
            if data.startswith(key):
                return data[len(key):]
        except OSError:
            pass
        blob = compile_fn()
        try:
            os.makedirs(self.dir, exist_ok=True)
            tmp = f"{entry}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                fh.write(key + blob)
            os.replace(tmp, entry)
        except OSError:
            pass  # a read-only cache only costs speed
        return blob


def installation_key(directory: str) -> str:
    """A short name for an installation's directory (64-bit FNV-1a of its path; no hashlib to import)."""
    h = 0xCBF29CE484222325
    for byte in os.fsencode(directory):
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"
