"""Node's module-loader bindings: resolution, sources, compilation, error positions."""

from __future__ import annotations

import os

from jsbridge import ModuleError

from ..modules import node_frames, resolve
from ..modules.system import read_text
from . import uv

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any


def create(realm: Any) -> dict:
    system = realm.modules

    def resolve_cjs(request: str, parent_dir: str) -> Any:
        """The file path, None when nothing matches, or [code, message] for a package error."""
        try:
            return resolve.resolve_cjs(request, parent_dir)
        except ModuleError as exc:
            return [exc.code, exc.message]

    def main_format(path: str) -> str:
        kind = resolve.module_format(path)
        if kind == "detect":
            try:
                kind = system.detect_format(path)
            except ModuleError:
                return "commonjs"
        return "module" if kind == "module" else "commonjs"

    def format_of(path: str) -> str:
        return resolve.module_format(path)

    def module_package_json(path: str) -> Any:
        """The package.json that makes `path` an ES module ("type": "module"), or None."""
        directory, data = resolve.package_scope(path)
        if directory is None or not isinstance(data, dict) or data.get("type") != "module":
            return None
        return os.path.join(directory, "package.json")

    def realpath(path: str) -> Any:
        try:
            return os.path.realpath(path, strict=True)
        except OSError:
            return None

    def read_module_file(path: str) -> Any:
        """The CommonJS loader's read: the text, or the negative errno for the error fs would throw."""
        try:
            return read_text(path)
        except OSError as exc:
            return uv.code_of(exc)

    def resolve_import(specifier: str, referrer: str) -> str:
        return system.resolve_import(specifier, referrer)

    def import_later(file_id: Any, specifier: Any, req: Any) -> bool:
        """Whether an import() must first read its module's file; if so `req.oncomplete()` once
        read, as Node's loader reads it: open, stat, a read per 512 KiB, close, each a
        thread-pool round trip."""
        steps = system.import_reads(int(file_id), str(specifier))
        if steps == 0:
            return False

        def step(left: int) -> None:
            if left == 0:
                realm.make_callback(req, "oncomplete")
            else:
                realm.loop.run_in_thread(lambda: None, lambda _result, _error: step(left - 1))

        step(steps)
        return True

    def load_later(req: Any) -> None:
        """`req.oncomplete()` in the next poll phase, as an fs completion runs (see run_main's ESM entry)."""
        realm.loop.post(lambda: realm.make_callback(req, "oncomplete"))

    return {
        "loadLater": load_later,
        "importLater": import_later,
        "resolveCJS": resolve_cjs,
        "readSource": lambda path: system.read_source(path),
        "readModuleFile": read_module_file,
        "formatOf": format_of,
        "mainFormat": main_format,
        "compileCJS": system.compile_cjs,
        "looksLikeESM": lambda source, filename: system.looks_like_esm(source),
        "requireESM": system.require_esm,
        "evalModule": system.eval_module,
        "evalScript": system.eval_script,
        "realpath": realpath,
        "modulePackageJSON": module_package_json,
        "pathToURL": resolve.path_to_url,
        "urlToPath": resolve.url_to_path,
        "syntheticKind": lambda name: system.synthetic.get(name),
        "resolveImport": resolve_import,
        "sourceLine": system.source_line,
        "sourceOffset": system.source_offset,
        "v8Positions": system.v8_positions,
        "engineMessage": system.engine_message,
        "moduleSyntaxError": system.module_syntax_error,
        "moduleLinkError": system.module_link_error,
        "noteAsyncReceiver": system.note_async_receiver,
        "isNodeLocation": node_frames.is_node_location,
        "throwSiteFile": lambda ident: system.throw_files[ident],
        "originalFunctionText": system.original_function_text,
        "unsettledAwaitWarning": system.unsettled_await_warning,
    }
