"""Node's `block_list` binding, as far as JavaScript can see it: the address families.

Node keeps a SocketAddress's family as the platform's AF_INET or AF_INET6
number (shown when a SocketAddress is inspected without its custom view).
"""

from __future__ import annotations

import socket

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any


def create(realm: Any) -> dict:
    return {"AF_INET": int(socket.AF_INET), "AF_INET6": int(socket.AF_INET6)}
