"""Python modules mirroring Node's native bindings (`internalBinding(name)`).

Each module has `create(realm) -> dict`; the dict becomes the JS binding
object. Methods report OS failures as negative libuv errnos, never by raising.
"""

from __future__ import annotations

import importlib
from typing import Any

_MODULES = {
    "timers": "timers",
    "process_methods": "process_methods",
    "fs": "fs",
    "modules": "modules",
    "uv": "uv",
    "constants": "constants",
    "util": "util",
    "os": "os",
    "cares_wrap": "cares_wrap",
    "udp_wrap": "udp_wrap",
    "tcp_wrap": "tcp_wrap",
    "pipe_wrap": "pipe_wrap",
    "stream_wrap": "stream_wrap",
    "spawn_sync": "spawn_sync",
    "process_wrap": "process_wrap",
    "buffer": "buffer",
}


def create(name: str, realm: Any) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise KeyError(f"No such binding: {name}")
    return importlib.import_module(f"{__name__}.{module}").create(realm)
