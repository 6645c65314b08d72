"""The engine boundary: the only package that imports the QuickJS binding.

Everything above it uses `Engine`, `JSValue` handles, `Undefined` and the
exceptions defined here, so the engine can be swapped without touching the
runtime.
"""

from .engine import ENGINE_VERSION, Engine, JSValue, Undefined, as_text
from .errors import JSException, ModuleError

__all__ = ["ENGINE_VERSION", "Engine", "JSValue", "Undefined", "JSException", "ModuleError", "as_text"]
