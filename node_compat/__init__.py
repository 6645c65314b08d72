"""pynode: a Node.js-compatible JavaScript runtime on Python and QuickJS.

`Runtime` scripts Node networking from Python: one JavaScript realm with its
own event loop, driven synchronously, from asyncio or from greenlets. The
names load lazily so that the `pynode` command starts fast.
"""

from __future__ import annotations

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any
    from .realm import ProcessExit
    from .runtime import Runtime, Task
    from .values import JSError, JSObject

__all__ = ["JSError", "JSObject", "ProcessExit", "Runtime", "Task"]

_HOMES = {"Runtime": "runtime", "Task": "runtime", "JSError": "values", "JSObject": "values", "ProcessExit": "realm"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'node_compat' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
