"""Exceptions that cross the engine boundary."""

from __future__ import annotations


TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional


class JSException(Exception):
    """A JavaScript exception that reached Python.

    `stack` is the JS stack text when the thrown value was an Error, and
    `value` the thrown value itself (a `JSValue` or a Python primitive).
    """

    def __init__(self, message: str, stack: Optional[str] = None, value: Any = None) -> None:
        super().__init__(message)
        self.stack = stack
        self.value = value

    def __str__(self) -> str:
        text = self.args[0]
        if self.stack:
            return f"{text}\n{self.stack.rstrip()}"
        return text


class ModuleError(Exception):
    """A module that cannot be resolved or loaded, with the Node error code to report."""

    def __init__(self, code: str, message: str, **fields: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.fields = fields
