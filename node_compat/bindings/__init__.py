"""Python modules mirroring Node's native bindings (`internalBinding(name)`).

`internalBinding('x')` loads `node_compat.bindings.x` and calls its
`create(realm) -> dict`; the dict becomes the JS binding object. Methods
report OS failures as negative libuv errnos, never by raising.
"""

from __future__ import annotations

import importlib
import re

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def create(name: str, realm: Any) -> Any:
    if not _NAME.match(name):
        raise KeyError(f"No such binding: {name}")
    try:
        module = importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{name}":
            raise KeyError(f"No such binding: {name}") from None
        raise
    return module.create(realm)
