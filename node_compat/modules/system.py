"""The realm's module system: ESM resolution/loading hooks, CommonJS compilation, sources.

ES modules are keyed by URL (`file:///...`, `node:...`) like Node, so stack
traces show the same locations. Builtins, CommonJS files and JSON files
imported from ESM are served as small synthetic modules whose `import.meta`
carries a loader (see lib/internal/modules/esm.js).
"""

from __future__ import annotations

import os
import re

from jsbridge import JSException, ModuleError

from . import engine_messages, js_blocks, node_frames, resolve, syntax_errors, throw_sites
from ..bindings.task_queue import IMPORT_DYNAMIC, IMPORT_ENTRY, IMPORT_EVAL, IMPORT_NONE, K_IMPORT_JOB
from .node_builtins import NODE_BUILTINS

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Optional

CJS_PREFIX = "(function (exports, require, module, __filename, __dirname) { "
CJS_SUFFIX = "\n})"



def read_text(path: str) -> str:
    """A module file's text, without its byte-order mark; raises OSError."""
    with open(path, "rb") as fh:
        data = fh.read()
    text = data.decode("utf-8", "replace")
    return text[1:] if text.startswith("\ufeff") else text

class ModuleSystem:
    """Resolution, loading and compilation state for one realm."""

    def __init__(self, realm: Any) -> None:
        self.realm = realm
        self.engine = realm.engine
        self.synthetic: dict[str, str] = {}  # module name -> 'builtin' | 'commonjs' | 'json'
        self.cjs_files: set[str] = set()  # files compiled with the CommonJS wrapper (line 1 is shifted)
        self.throw_files: list[str] = []  # id -> file name, for the throw sites recorded in user code
        self.shifts: dict[str, dict] = {}  # file name -> columns moved by throw-site instrumentation
        self.module_files: set = set()  # the instrumented files that are ES modules
        self._require_roots = 0
        self._requiring = 0  # require(esm) loads in progress: they read files synchronously
        self._eval_count = 0
        # ES module name -> the import that loaded it (IMPORT_ENTRY, IMPORT_DYNAMIC or
        # IMPORT_EVAL): the frames below its top level as it first runs are Node's loader's.
        self.loaded_by: dict[str, int] = {}
        self.imports_of: dict[str, list] = {}  # ES module name -> the modules it imports statically
        # file -> {offset where an async listener is written: the class of its emitter}
        self.async_receivers: dict[str, dict] = {}

    def install(self, host: Any) -> None:
        self.host = host
        self.engine.set_module_hooks(
            self.resolve_import,
            self.load,
            host["initImportMeta"],
            lambda err: host["moduleError"](err.code, err.message, err.fields),
        )

    # -- builtins ---------------------------------------------------------------

    def _builtin_id(self, specifier: str) -> Optional[str]:
        natives = self.realm.builtin_ids
        if specifier.startswith("node:"):
            ident = specifier[5:]
            if ident in natives and not ident.startswith(("internal/", "vendor/")):
                return ident
            raise ModuleError("ERR_UNKNOWN_BUILTIN_MODULE", f"No such built-in module: {specifier}", site="builtin")
        if specifier in natives and not specifier.startswith(("internal/", "vendor/")) and specifier not in (
            "test", "sqlite", "sea"
        ):
            return specifier
        if specifier in NODE_BUILTINS:
            raise ModuleError("ERR_UNKNOWN_BUILTIN_MODULE", f"No such built-in module: {specifier}", site="builtin")
        return None

    # -- ESM hooks ----------------------------------------------------------------

    @staticmethod
    def _referrer_path(referrer: str) -> str:
        if referrer.startswith("file:"):
            return resolve.url_to_path(referrer)
        if referrer.startswith("/"):
            return referrer
        return os.path.join(os.getcwd(), referrer or "[eval]")

    def resolve_import(self, specifier: str, referrer: str) -> str:
        info = self.realm.tick_info
        if not info[K_IMPORT_JOB]:
            # The job's first resolution is its import's: the rest of the graph follows.
            info[K_IMPORT_JOB] = kind = IMPORT_ENTRY if referrer == _ENTRY_IMPORTER else IMPORT_DYNAMIC
            try:
                return self._resolve(specifier, referrer)
            except ModuleError as exc:
                exc.fields["dynamic"] = kind == IMPORT_DYNAMIC  # (Node's frames of the failure differ)
                raise
        name = self._resolve(specifier, referrer)
        self.imports_of.setdefault(referrer, []).append(name)
        return name

    def _resolve(self, specifier: str, referrer: str) -> str:
        builtin = self._builtin_id(specifier)
        if builtin is not None:
            return "node:" + builtin
        if referrer.startswith("node:") and specifier.startswith("file:"):
            return specifier
        specifier, suffix = resolve.split_url_suffix(specifier)
        try:
            path = resolve.resolve_esm(specifier, self._referrer_path(referrer))
        except ModuleError as exc:
            if suffix and "url" in exc.fields:
                exc.fields["url"] += suffix
            raise
        return resolve.path_to_url(path) + suffix

    def load(self, name: str, attributes: Optional[dict] = None) -> str:
        try:
            return self._checked_load(name, attributes or {})
        except ModuleError as exc:
            if "site" in exc.fields:
                exc.fields["dynamic"] = self.realm.tick_info[K_IMPORT_JOB] == IMPORT_DYNAMIC
            raise

    def _checked_load(self, name: str, attributes: dict) -> str:
        """load() once the import attributes are as Node's loader wants them."""
        # (`site`: the check of Node's loader that fails, for its frames.)
        for key, value in attributes.items():
            if key != "type":
                raise ModuleError("ERR_IMPORT_ATTRIBUTE_UNSUPPORTED",
                                  f'Import attribute "{key}" with value "{value}" is not supported',
                                  site="attribute_key")
        wanted = attributes.get("type")
        if wanted is not None and wanted != "json":
            raise ModuleError("ERR_IMPORT_ATTRIBUTE_UNSUPPORTED",
                              f'Import attribute "type" with value "{wanted}" is not supported', site="attribute_type")
        kind = self._kind(name)
        if kind == "json" and wanted != "json":
            raise ModuleError("ERR_IMPORT_ATTRIBUTE_MISSING", f'Module "{name}" needs an import attribute of "type: json"',
                              site="attribute_missing")
        if kind != "json" and wanted == "json":
            raise ModuleError("ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE", f'Module "{name}" is not of type "json"',
                              site="attribute_incompatible")
        return self._load(name, kind)

    def _kind(self, name: str) -> str:
        if name.startswith("node:"):
            return "builtin"
        if not name.startswith("file:"):
            raise ModuleError("ERR_UNSUPPORTED_ESM_URL_SCHEME", f"Unsupported module {name}")
        path = resolve.url_to_path(name)
        kind = resolve.module_format(path)
        return self.detect_format(path) if kind == "detect" else kind

    def _load(self, name: str, kind: str) -> str:
        if name.startswith("node:"):
            self.synthetic[name] = "builtin"
            names = self.host["builtinExportNames"](name[5:]).to_python()
            return self._facade(names, live=True)
        path = resolve.url_to_path(name)
        if kind in ("module", "json") and not self._requiring:
            self._take_read_ids(path)
        if kind == "module":
            if not self._requiring:
                self.loaded_by[name] = self.realm.tick_info[K_IMPORT_JOB]
            source = self.read_source(path)
            self.realm.remember_source(name, source)
            return self._instrument(source, name, path, module=True)
        if kind == "json":
            self.synthetic[name] = "json"
            return f"export default import.meta.{_LOAD}();"
        if kind == "commonjs":
            self.synthetic[name] = "commonjs"
            from . import cjs_lexer

            names = cjs_lexer.export_names(path, self.read_source)
            return self._facade(names, commonjs=True)
        ext = os.path.splitext(path)[1]
        raise ModuleError("ERR_UNKNOWN_FILE_EXTENSION", f'Unknown file extension "{ext}" for {path}')

    def import_reads(self, file_id: int, specifier: str) -> int:
        """The file requests (open, stat, a read per chunk, close) Node's loader makes before
        an import() of `specifier` from user file `file_id` runs: 0 for a builtin, a module
        loaded, or no module (the import reports it)."""
        try:
            name = resolve.split_url_suffix(self._resolve(specifier, self.throw_files[file_id]))[0]
        except (ModuleError, IndexError):
            return 0
        if not name.startswith("file:") or name in self.loaded_by or name in self.synthetic:
            return 0
        chunks = _read_chunks(resolve.url_to_path(name))
        return 0 if chunks is None else 3 + chunks

    def _take_read_ids(self, path: str) -> None:
        """The async ids Node's loader spends reading an ES module or JSON file.

        Its import reads with fs/promises' readFile: open, the FileHandle,
        fstat, one read a 512 KiB chunk (at least one) and close each take
        an id, so resources made after the load have Node's ids.
        """
        chunks = _read_chunks(path)
        for _ in range(0 if chunks is None else 4 + chunks):  # (a missing file is reported when read)
            self.realm.new_async_id()

    @staticmethod
    def _facade(names: list, commonjs: bool = False, live: bool = False) -> str:
        """A module re-exporting a CommonJS-style exports object under named exports.

        With `live` (builtins), the bindings can be refreshed from the object
        later: module.syncBuiltinESMExports() calls the function registered here.
        """
        import json  # here, not at the top: a CommonJS program never needs it (~100 KB)

        lines = [f"const m = import.meta.{_LOAD}();", "export default m;"]
        seen = set()
        refresh = []
        for i, key in enumerate(names):
            if key == "default" or key in seen or not isinstance(key, str):
                continue
            seen.add(key)
            lines.append(f"{'let' if live else 'const'} e{i} = m === null || m === undefined ? undefined : m[{json.dumps(key)}];")
            lines.append(f"export {{ e{i} as {json.dumps(key)} }};")
            refresh.append(f"e{i} = m[{json.dumps(key)}];")
        if commonjs:
            lines.append('export { m as "module.exports" };')
        if live and refresh:
            lines.append(f"import.meta.{_SYNC}(() => {{ {' '.join(refresh)} }});")
        return "\n".join(lines)

    def detect_format(self, path: str) -> str:
        """Node 23's syntax detection for .js files with no "type": ESM-only syntax means ESM."""
        source = self.read_source(path)
        if self.engine.compiles(CJS_PREFIX + strip_shebang(source) + CJS_SUFFIX, path, False):
            return "commonjs"
        return "module" if self.looks_like_esm(source) else "commonjs"

    # -- files ----------------------------------------------------------------------

    def read_source(self, path: str) -> str:
        try:
            return read_text(path)
        except FileNotFoundError:
            raise ModuleError("ERR_MODULE_NOT_FOUND", f"Cannot find module '{path}'") from None
        except OSError as exc:
            raise ModuleError("ERR_MODULE_NOT_FOUND", f"{exc.strerror}: {path}") from None

    # -- CommonJS -------------------------------------------------------------------

    def compile_cjs(self, source: str, filename: str) -> list:
        """[True, function] or [False, SyntaxError value, V8's account of it or None] for a CommonJS file's wrapper.

        V8's account (syntax_errors) is {message, line, column, length}.
        """
        self.realm.remember_source(filename, source)
        self.cjs_files.add(filename)
        code = self._instrument(strip_shebang(source), filename, filename)
        try:
            fn = self.engine.eval(CJS_PREFIX + code + CJS_SUFFIX, filename)
        except JSException as exc:
            return [False, exc.value, self._v8_syntax_error(exc.value, source, filename)]
        # V8 names a CommonJS module's top-level frame "Object.<anonymous>".
        fn.define_property("name", "Object.<anonymous>", writable=False, enumerable=False, configurable=True)
        return [True, fn]

    def _user_column(self, file: str, line: int, column: int) -> int:
        """A column of the code the engine ran -> the user's: past the CommonJS wrapper's
        start on line 1, and before what throw-site instrumentation inserted."""
        if line == 1 and file in self.cjs_files:
            column = max(1, column - len(CJS_PREFIX))
        if file in self.shifts:
            column = throw_sites.original_column(self.shifts[file], line, column)
        return column

    def _v8_syntax_error(self, error: Any, source: str, filename: str) -> Optional[dict]:
        """V8's message and position of a CommonJS file's syntax error, from QuickJS's (its top frame)."""
        try:
            if error.get("name") != "SyntaxError":
                return None
            message, stack = error.get("message"), error.get("stack")
        except Exception:  # (not an object)
            return None
        if not isinstance(message, str) or not isinstance(stack, str):
            return None
        at = re.search(rf"{re.escape(filename)}:(\d+):(\d+)", stack)
        if at is None:
            return None
        line = int(at.group(1))
        col = self._user_column(filename, line, int(at.group(2)))
        return syntax_errors.v8_syntax_error(strip_shebang(source), line, col, message)

    def module_syntax_error(self, file: str, line: int, column: int, message: str) -> Optional[list]:
        """[V8's message, Node's arrow, Node's frames] for the syntax error QuickJS found compiling
        ES module `file` at `line`:`column`, or None."""
        kind = self.loaded_by.get(file)
        source = None if kind is None or kind == IMPORT_EVAL else self._source_text(file)
        if source is None:
            return None
        column = self._user_column(file, line, column)
        source = strip_shebang(source)
        # (A message not followed keeps QuickJS's wording, at its place.)
        account = syntax_errors.v8_syntax_error(source, line, column, message) or {
            "message": message, "line": line, "column": column, "length": 1}
        line, column, length = account["line"], account["column"], account["length"]
        text = source.split("\n")[line - 1] if line <= source.count("\n") + 1 else ""
        carets = f"{' ' * (column - 1)}{'^' * length}" if length else ""
        # (A module another imports fails in its importer's link, which Node's last frame is.)
        imported = any(file in names for names in self.imports_of.values())
        frames = _COMPILE_FRAMES[:-1] if imported else _COMPILE_FRAMES
        return [account["message"], f"{file}:{line}\n{text}\n{carets}\n", "\n".join(f"    at {f}" for f in frames)]

    _IMPORT_CLAUSE = re.compile(r"\b(?:import|export)\s*([^;'\"]*?)\s*\bfrom\s*(['\"])([^'\"\n]+)\2", re.S)

    def module_link_error(self, name: str, module: str) -> Optional[list]:
        """[V8's message, its stack] for an import of `name` that ES module `module` does not
        export, found in the source of a module that imports it; or None."""
        for importer, imported in self.imports_of.items():
            source = self._source_text(importer) if module in imported and importer in self.loaded_by else None
            for m in self._IMPORT_CLAUSE.finditer(source or ""):
                try:
                    if self._resolve(m.group(3), importer) != module:
                        continue
                except ModuleError:
                    continue
                clause = m.group(1)
                if name == "default" and not re.match(r"\s*[{*]", clause):
                    found = re.search(r"[\w$]+", clause)  # (the default's local name)
                else:
                    found = re.search(rf"(?<![\w$])(?<!\bas\s){re.escape(name)}(?![\w$])", clause)
                if found is None:
                    continue
                at = m.start(1) + found.start()
                line = source.count("\n", 0, at) + 1
                column = at - (source.rfind("\n", 0, at) + 1) + 1
                text = source.split("\n")[line - 1]
                message = f"The requested module '{m.group(3)}' does not provide an export named '{name}'"
                frames = _LINK_FRAMES if self.loaded_by[importer] == IMPORT_ENTRY else _LINK_FRAMES[:-1]
                stack = "\n".join([f"{importer}:{line}", text, " " * (column - 1) + "^" * len(found.group()),
                                   f"SyntaxError: {message}", *(f"    at {f}" for f in frames)])
                return [message, stack]
        return None

    _ESM_SYNTAX = re.compile(r"^[ \t]*(?:import\s*[\w${*'\"]|export\s)|\bimport\s*\.\s*meta\b", re.M)
    _COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)

    def _instrument(self, source: str, name: str, path: str, module: bool = False) -> str:
        """Record `throw` sites and awaits of user code (not of installed packages) for
        fatal reports and `async` frames."""
        if "/node_modules/" in path:
            return source
        code, shifts = throw_sites.instrument(source, len(self.throw_files), name, module)
        if shifts:
            self.throw_files.append(name)
            self.shifts[name] = shifts
            if module:
                self.module_files.add(name)
        return code

    def unsettled_await_warning(self, entry: str) -> Optional[str]:
        """Node's warning for an entry module whose evaluation never settled, naming the
        top-level await it waits at.

        QuickJS does not say where a module is suspended: the first module of
        the entry's static graph (dependencies first) that awaits at its top
        level is taken, at its first such await.
        """
        seen: set = set()

        def stalled(name: str) -> Optional[tuple]:
            if name in seen:
                return None
            seen.add(name)
            for dependency in self.imports_of.get(name, ()):
                found = stalled(dependency)
                if found is not None:
                    return found
            source = self._source_text(name)
            awaits = js_blocks.top_level_awaits(name, source) if source is not None else []
            return (name, source, awaits[0]) if awaits else None

        found = stalled(entry)
        if found is None:
            return None
        name, source, offset = found
        line = source.count("\n", 0, offset) + 1
        line_start = source.rfind("\n", 0, offset) + 1
        text = source[line_start:].split("\n", 1)[0].rstrip("\r")
        caret = " " * (offset - line_start) + "^"
        return f"Warning: Detected unsettled top-level await at {name}:{line}\n{text}\n{caret}\n\n\n\n"

    def original_function_text(self, file: str, text: str) -> Optional[str]:
        """A user function's source as written, for Function.prototype.toString.

        QuickJS gives the text it compiled, which has the throw-site hooks in
        it (throw_sites): the same span is taken from the user's source. None
        where `text` is no function of `file` as compiled.
        """
        shifts = self.shifts.get(file)
        source = self.realm.source_of(file)
        if shifts is None or source is None:
            return None
        code = throw_sites.instrument(strip_shebang(source), self.throw_files.index(file), file,
                                      file in self.module_files)[0]
        start = code.find(text)
        if start < 0:
            return None
        begin = _original_offset(source, code, shifts, start)
        return source[begin:_original_offset(source, code, shifts, start + len(text))]

    def looks_like_esm(self, source: str) -> bool:
        """Whether source that failed to compile as CommonJS uses ES module syntax: import,
        export, import.meta, or an await outside functions (not one of an async function)."""
        if self._ESM_SYNTAX.search(self._COMMENTS.sub("", source)) is not None:
            return True
        if "await" not in source:
            return False
        # (A `for await` outside functions is not one: V8's error for it is no module's.)
        return any(not js_blocks.is_for_await(source, at)
                   for at in js_blocks.top_level_awaits("<detected source>", source))

    def require_esm(self, filename: str) -> list:
        import json

        url = resolve.path_to_url(filename)
        self._require_roots += 1
        root = f"pynode:require/{self._require_roots}"
        self._requiring += 1
        try:
            state, value = self.engine.evaluate_module_now(root, f"import * as ns from {json.dumps(url)};\nexport {{ ns }};")
        finally:
            self._requiring -= 1
        if state == "ok":
            return ["ok", value["ns"]]
        return [state, value]

    def eval_module(self, code: str, name: str) -> Any:
        self._eval_count += 1
        # Node names it by resolving "[eval1]" against the cwd's URL: brackets stay as they are.
        url = resolve.path_to_url(os.getcwd().rstrip("/") + "/") + f"[eval{self._eval_count}]"
        self.realm.remember_source(url, code)
        self.loaded_by[url] = IMPORT_EVAL
        info = self.realm.tick_info
        info[K_IMPORT_JOB] = IMPORT_EVAL
        # A failure to compile or link is reported, not raised: a binding's
        # Python exception would reach JS as an InternalError.
        try:
            return [True, self.engine.eval_module(self._instrument(code, url, url, module=True), url)]
        except JSException as exc:
            return [False, exc.value]
        finally:
            info[K_IMPORT_JOB] = IMPORT_NONE

    def eval_script(self, code: str, name: str) -> list:
        self.realm.remember_source(name, code)
        try:
            return [True, self.engine.eval(self._instrument(code, name, name), name)]
        except JSException as exc:
            return [False, exc.value]

    # -- error positions ---------------------------------------------------------------

    def _source_text(self, file: str) -> Optional[str]:
        """The text of the file a frame names: a user file, or one of pynode's library files."""
        source = self.realm.source_of(file)
        if source is not None:
            return source
        if file.startswith("node:"):
            from ..realm import LIB_DIR

            try:
                with open(os.path.join(LIB_DIR, f"{file[5:]}.js"), encoding="utf-8") as fh:
                    return fh.read()
            except OSError:
                return None
        try:
            path = resolve.url_to_path(file) if file.startswith("file:") else file
            return self.read_source(path)
        except (ModuleError, OSError):
            return None

    def source_line(self, file: str, line: int) -> Optional[str]:
        source = self._source_text(file)
        if source is None:
            return None
        lines = source.split("\n")
        if 1 <= line <= len(lines):
            return lines[line - 1].rstrip("\r")
        return None

    def source_offset(self, file: str, line: int, column: int) -> int:
        """The character offset of a 1-based line and column in a user's file (CallSite.getPosition).

        0 for Node's own files (their text is not pynode's) and files not found.
        """
        source = None if file.startswith("node:") else self._source_text(file)
        if source is None:
            return 0
        offset = 0
        for _ in range(line - 1):
            end = source.find("\n", offset)
            if end < 0:
                return 0
            offset = end + 1
        return offset + column - 1

    _FRAME = re.compile(r"^(\s+at (?:.*? \()?)(.+?):(\d+):(\d+)(\)?)$")
    _CALLEE = re.compile(r"(new\s+)?([\w$]+(?:\s*\.\s*[\w$#]+)*)\s*$")
    _CONSTRUCTED = re.compile(r"new\s+([\w$]+(?:\s*\.\s*[\w$]+)*)")
    _SETTER = re.compile(r"[\w$#]+\s*(=)(?![=>])")
    _SETTER_VALUE = re.compile(r"\.\s*[\w$#]+\s*(=)\s*$")

    @staticmethod
    def _callee_column(call: Any) -> int:
        """V8's column for a call (a _CALLEE or _NAME_BEFORE match): at `new`, or at the callee's last name."""
        if call.group(1):
            return call.start(1) + 1
        name = call.group(2)
        return call.start(2) + len(name) - len(re.split(r"\.\s*", name)[-1]) + 1

    _RETURN = re.compile(r"return\s+")
    _NAME_BEFORE = re.compile(r"(new\s+)?([\w$#]+(?:\s*\.\s*[\w$#]+)*)\s*$")

    @classmethod
    def _return_call(cls, src: str, at: int) -> Optional[tuple]:
        """V8's column of the call a `return` at index `at` makes, and whether it is a `new`; or None.

        QuickJS puts a returned call at `return`; V8 at the callee's name
        (`m` of `return new Foo().m()`), or at `new` of `return new Foo()`:
        the last call of the returned expression, outside brackets.
        """
        ret = cls._RETURN.match(src, at)
        if ret is None:
            return None
        last = None
        depth = 0
        i = ret.end()
        while i < len(src):
            ch = src[i]
            if ch in "'\"`":
                i += 1
                while i < len(src) and src[i] != ch:
                    i += 2 if src[i] == "\\" else 1
            elif ch in "([{":
                if ch == "(" and depth == 0:
                    last = i
                depth += 1
            elif ch in ")]}":
                depth -= 1
                if depth < 0:
                    break
            elif ch == ";" and depth == 0:
                break
            i += 1
        if last is None:
            return None
        name = cls._NAME_BEFORE.search(src, ret.end(), last)
        if name is None:
            return None
        return cls._callee_column(name), bool(name.group(1))

    # A `super(...)` call, at `super` or at its parenthesis.
    _SUPER_CALL = re.compile(r"\bsuper\s*\(|(?<=\bsuper)\s*\(")
    _CALLEE_FRAME = re.compile(r"^(\s+at )([\w$]+) \((.+):(\d+):(\d+)\)$")

    @staticmethod
    def _at_node_line(head: str, indent: str, file: str, line: int, location: str) -> tuple:
        """A library frame moved to Node's `location`, and whether it was renamed as V8 names it.

        `head` is the frame up to its location (`    at name (`, or `    at `
        for an anonymous function). A function of a class, or one stored on a
        prototype, is a method of it (`Socket.setBroadcast`).
        """
        from ..realm import LIB_DIR

        if not head.startswith(f"{indent}at new "):
            name = node_frames.method_name(LIB_DIR, file, line)
            if name is not None:
                return f"{indent}at {name} ({location})", True
        return (f"{head}{location})" if head.endswith("(") else f"{indent}at {location}"), False

    _EXPORT_FRAME = re.compile(r"^(\s+at )Object\.([\w$]+ \(node:[\w/.-]+:\d+:\d+\))$")

    def _export_call(self, frame: str, file: str, src: str, col: int) -> str:
        """The frame of a module's exported function (`Object.connect` in its note) as this call shows it.

        V8 names it after its receiver: none for a plain call (`connect(...)`
        of a named import or a destructured require), `Module` for an ES
        module namespace (`import * as net`), the exports object otherwise
        (`net.connect(...)`, `net[name](...)`).
        """
        m = self._EXPORT_FRAME.match(frame)
        if m is None:
            return frame
        head = src[:col - 1].rstrip()
        if head.endswith("]"):
            return frame  # (`net[name](...)`)
        if not head.endswith("."):
            return f"{m.group(1)}{m.group(2)}"
        receiver = re.search(r"(?<![\w$.])([\w$]+)\s*\??\.$", head)
        if receiver is None:
            return frame
        namespace = rf"\bimport\s*(?:[\w$]+\s*,\s*)?\*\s*as\s+{re.escape(receiver.group(1))}\s+from\b"
        if re.search(namespace, self._source_text(file) or "") is None:
            return frame
        return f"{m.group(1)}Module.{m.group(2)}"

    def _as_method(self, frame: str, file: str, src: str, col: int, library: Optional[tuple] = None,
                   line: int = 0) -> str:
        """The frame of a function called here as `receiver.name(...)`, named after its owner as V8 names it.

        `src` is the caller's line and `col` V8's column of the call there (at
        the callee's name). The owner comes from where the function is
        written (see js_blocks); a plain function called on what `require()`
        returned is a method of an `Object`. `library`: the frame is a library
        function's at Node's line, with (its file, its line in pynode's library).
        """
        m = self._CALLEE_FRAME.match(frame)
        if m is None or (m.group(3).startswith("node:") and library is None):
            return frame
        prefix, name, callee_file = m.group(1), m.group(2), m.group(3)
        at = col - 1
        if src.startswith("#", at):
            at += 1
        called = re.match(r"[\w$]+", src[at:])
        if called is None:
            return frame
        # A function called by another name (`url.parse` is urlParse): V8 adds `[as parse]`.
        alias = None if called.group(0) == name else called.group(0)
        head = src[:col - 1].rstrip()
        if not head.endswith("."):
            return frame  # not a member call
        before = head[:-2] if head.endswith("?.") else head[:-1]
        before = before.rstrip()
        if library is not None:
            from ..realm import LIB_DIR

            callee_src, offset = node_frames.library_line(LIB_DIR, *library)
            if offset < 0:
                return frame
        else:
            callee_src = self._source_text(callee_file)
            if callee_src is None:
                return frame
            offset = self.source_offset(callee_file, int(m.group(4)), int(m.group(5)))
        owner = js_blocks.owner_of(callee_file, callee_src, offset, name)
        if owner is None:
            return frame
        location = f"{callee_file}:{m.group(4)}:{m.group(5)}"
        if owner.startswith("#"):
            return f"{prefix}{owner} ({location})"  # a private method: V8 names no receiver
        made = self._receiver_class(before, file)
        if before.endswith("super") and line:
            # `super.m()`: called on the instance, of the class whose method calls it.
            made = js_blocks.class_at(file, self._source_text(file) or "", self.source_offset(file, line, col))
        if made is not None:
            owner = f"{made}.{name}"
        elif owner == "":
            made = self._module_receiver(before, file)
            if made is None:
                return frame
            owner = f"{made}.{name}"
        return f"{prefix}{owner}{f' [as {alias}]' if alias else ''} ({location})"

    def _module_receiver(self, before: str, file: str) -> Optional[str]:
        """The class V8 names a module's function after when the call's receiver is the module.

        What require() returned, or an object in it (`dns.promises`), and a
        default import, are Objects, or Functions for the builtins whose
        export is a function (`events`); an `import * as` namespace is a Module.
        """
        required = re.search(r"\brequire\s*\(\s*(?:'([^'\n]*)'|\"([^\"\n]*)\")\s*\)$", before)
        if required:
            return self._export_class(required.group(1) or required.group(2))
        receiver = re.search(r"(?<![\w$.])([\w$]+)((?:\s*\.\s*[\w$]+)*)$", before)
        if receiver is None:
            return None
        name = re.escape(receiver.group(1))
        caller_src = self._source_text(file) or ""
        made = re.search(rf"\b(?:const|let|var)\s+{name}\s*=\s*require\s*\(\s*(?:'([^'\n]*)'|\"([^\"\n]*)\")?", caller_src) or \
            re.search(rf"\bimport\s+{name}\s*(?:,\s*\{{[^}}]*\}}\s*)?from\s*(?:'([^'\n]*)'|\"([^\"\n]*)\")?", caller_src)
        if made:
            return "Object" if receiver.group(2) else self._export_class(made.group(1) or made.group(2))
        if re.search(rf"\bimport\s*\*\s*as\s+{name}\s+from\s*['\"]", caller_src):
            return "Object" if receiver.group(2) else "Module"
        return None

    # The builtins whose export (and default import) is a function.
    _FUNCTION_EXPORTS = frozenset(("assert", "assert/strict", "events", "module", "stream"))

    def _export_class(self, specifier: Optional[str]) -> str:
        """The class of what require(`specifier`) returns, as V8 names a receiver."""
        if specifier and specifier.removeprefix("node:") in self._FUNCTION_EXPORTS:
            return "Function"
        return "Object"

    def _receiver_class(self, before: str, file: str) -> Optional[str]:
        """The class of a call's receiver when the code says it: `new X()` right there, or a name made so."""
        if before.endswith(")"):
            depth = 0
            for i in range(len(before) - 1, -1, -1):
                depth += {")": 1, "(": -1}.get(before[i], 0)
                if depth == 0:
                    made = re.search(r"\bnew\s+(?:[\w$]+\s*\.\s*)*([\w$]+)\s*$", before[:i])
                    return made.group(1) if made is not None else None
            return None
        receiver = re.search(r"(?<![\w$.])([\w$]+)$", before)
        if receiver is None or receiver.group(1) == "this":
            return None
        declared = rf"\b(?:const|let|var)\s+{re.escape(receiver.group(1))}\s*=\s*(?:new\s+(?:[\w$]+\s*\.\s*)*([\w$]+)\s*\(|\{{)"
        made = re.search(declared, self._source_text(file) or "")
        if made is None:
            return None
        return made.group(1) or "Object"  # (`= {`: an object literal)

    def engine_message(self, message: str, frames: str) -> Optional[str]:
        """V8's wording of an error the engine made at its first frame in user code, or None (engine_messages)."""
        m = self._FRAME.match(frames.split("\n", 1)[0])
        if m is None:
            return None
        file, line, col = m.group(2), int(m.group(3)), int(m.group(4))
        function = m.group(1).strip()[3:].rstrip(" (")
        if file.startswith("node:"):
            # (A library class called without `new`: its constructor is the frame.)
            return engine_messages.v8_message(message, "", 0, function) if message == engine_messages.CLASS_CALLED else None
        col = self._user_column(file, line, col)
        src = self.source_line(file, line)
        return None if src is None else engine_messages.v8_message(message, src, col, function)

    def v8_positions(self, frames: str, emitters: str = "", entry: str = "") -> str:
        """Move QuickJS columns (the call's parenthesis) to where V8 puts them.

        Frames of the library become the frames of Node's own library they
        stand for, where its lines say so (see node_frames). `emitters` are
        the class names of the emitters whose listeners were running,
        outermost first, one per line; `entry` that of the handle or request
        of the loop's callback: they name the receivers of those frames.
        """
        running = emitters.split("\n") if emitters else []
        out: list = []
        # Library frames moved to Node's line that keep their own name: index in out -> (file, line).
        ours: dict = {}
        for text in frames.split("\n"):
            m = self._FRAME.match(text)
            if m is None:
                out.append(text)
                continue
            file, line, col = m.group(2), int(m.group(3)), int(m.group(4))
            if self.synthetic.get(file) == "commonjs":
                # The module an import of CommonJS is served as: Node runs that import from its job.
                out.append(f"{text[: len(text) - len(text.lstrip())]}at {_MODULE_JOB_RUN}")
                continue
            if file.startswith("node:"):
                from ..realm import LIB_DIR

                note = node_frames.node_frames(LIB_DIR, file, line)
                if note is not None:
                    replacement, callee = note
                    if callee == "{emitter}":
                        if out and running:
                            out[-1] = node_frames.with_receiver(out[-1], running[-1], len(out) - 1 in ours)
                    elif callee is not None and out:
                        out[-1] = node_frames.called_as(out[-1], callee, len(out) - 1 in ours)
                    indent = text[: len(text) - len(text.lstrip())]
                    for frame in replacement:
                        if "{emitter}" in frame:
                            # (emit's or dispatchEvent's own frame is the last of its emitter's; a
                            # listener's above it shares it)
                            last = frame.startswith(("{emitter}.emit ", "{emitter}.dispatchEvent "))
                            name = (running.pop() if last else running[-1]) if running else ""
                            frame = frame.replace("{emitter}.", f"{name}." if name else "")
                        if "{entry}" in frame:
                            frame = frame.replace("{entry}.", f"{entry}." if entry else "")
                        if frame.startswith(node_frames.KEEP_NAME):
                            moved, renamed = self._at_node_line(m.group(1), indent, file, line, frame[len(node_frames.KEEP_NAME) + 2:-1])
                            if not renamed:
                                ours[len(out)] = (file, line)
                            out.append(moved)
                            continue
                        out.append(f"{indent}at {frame}")
                    continue
            col = self._user_column(file, line, col)
            src = self.source_line(file, line) if not file.startswith("node:") else None
            new_before = re.search(r"\bnew\s+$", src[: col - 1]) if src is not None and 0 < col <= len(src) else None
            constructed = None  # the class a `new` at this position constructs: the frame above runs it
            # A class's implicit constructor: QuickJS places it at the class body's
            # end, V8 at `class`. The base class's constructor it runs, or one an
            # explicit `super(...)` runs, is `new Base` in V8's frames too.
            implicit = None
            if src is not None and 0 < col <= len(src) and src[col - 1] == "}":
                text = self._source_text(file) or ""
                implicit = js_blocks.class_closed_at(file, text, self.source_offset(file, line, col))
                if implicit is not None and implicit[1] is not None and out:
                    base = re.escape(implicit[1].split(".")[-1])
                    out[-1] = re.sub(rf"^(\s+at )(?={base} \()", r"\1new ", out[-1])
            if implicit is None and out and src is not None and self._SUPER_CALL.match(src, max(col - 1, 0)):
                out[-1] = re.sub(r"^(\s+at )(?=[\w$]+ \()", r"\1new ", out[-1])
            if implicit is not None:
                text = self._source_text(file) or ""
                line = text.count("\n", 0, implicit[0]) + 1
                col = implicit[0] - text.rfind("\n", 0, implicit[0])
            elif new_before is not None:
                col = new_before.start() + 1  # V8 points at `new` of a failing `new X()`
                constructed = self._CONSTRUCTED.match(src, col - 1)
            elif src is not None and 0 < col < len(src) and src[col - 1] == "." and (src[col].isalnum() or src[col] in "_$#"):
                setter = self._SETTER.match(src, col)
                # V8 points at the property name of a failed member access, at the `=` of a setter's call
                col = setter.start(1) + 1 if setter is not None else col + 1
            elif src is not None and 0 < col <= len(src) and self._SETTER_VALUE.search(src[: col - 1]):
                col = self._SETTER_VALUE.search(src[: col - 1]).start(1) + 1  # (QuickJS at the assigned value)
            else:
                # QuickJS at a call's parenthesis, or at the `return` of `return f(...)`
                called = None
                if src is not None and 0 < col <= len(src):
                    called = self._return_call(src, col - 1)
                    if called is None and src[col - 1] == "(":
                        call = self._CALLEE.search(src[: col - 1])
                        if call is not None:
                            called = self._callee_column(call), bool(call.group(1))
                if called is not None:
                    col, is_new = called
                    if is_new:
                        constructed = self._CONSTRUCTED.match(src, col - 1)
            if constructed is not None and out:
                # V8 names a constructor's frame `new X`.
                name = re.split(r"\.\s*", constructed.group(1))[-1]
                out[-1] = out[-1].replace(f"at {name} (", f"at new {name} (", 1)
            elif out and src is not None and 0 < col <= len(src):
                out[-1] = self._as_method(self._export_call(out[-1], file, src, col), file, src, col,
                                          ours.get(len(out) - 1), line)
            if src is not None and m.group(1).strip() == "at":
                # An anonymous function stored in a property: V8 names it after the property's path.
                inferred = js_blocks.inferred_name(file, self._source_text(file) or "", self.source_offset(file, line, col))
                if inferred is not None:
                    out.append(f"{m.group(1)}{inferred} ({file}:{line}:{col})")
                    continue
            out.append(f"{m.group(1)}{file}:{line}:{col}{m.group(5)}")
        bottom = self._FRAME.match(out[-1]) if out else None
        file = None if bottom is None else bottom.group(2)
        if file in self.async_receivers or file in self.loaded_by:
            offset = self.source_offset(file, int(bottom.group(3)), int(bottom.group(4)))
            out[-1] = self._async_receiver(out[-1], file, offset)
            out.extend(self._importer_frames(out[-1], file, offset))
        return "\n".join(out)

    def note_async_receiver(self, file: str, line: int, column: int, class_name: str) -> None:
        """An async function written at `file`:`line`:`column` runs as a listener of a `class_name`."""
        column = self._user_column(file, line, column)
        self.async_receivers.setdefault(file, {})[self.source_offset(file, line, column)] = class_name

    def _async_receiver(self, bottom: str, file: str, offset: int) -> str:
        """The bottom frame (at `offset` of `file`) named after its receiver when it is an async
        listener's, resumed after an await (V8 keeps the receiver; QuickJS's frames do not)."""
        written = self.async_receivers.get(file)
        source = None if not written else self._source_text(file)
        if source is None:
            return bottom
        body = js_blocks.function_body_at(file, source, offset)
        starts = [at for at in written if at < body]
        if body < 0 or not starts:
            return bottom
        start = max(starts)
        if js_blocks.next_function_body(file, source, start) != body:
            return bottom  # (the listener is another function, written before this one)
        return node_frames.with_receiver(bottom, written[start])

    def _importer_frames(self, bottom: str, file: str, offset: int) -> list:
        """Node's frames below a stack's bottom one (at `offset` of `file`) when that is a
        module's top level as it first runs."""
        kind = self.loaded_by.get(file)
        source = None if kind is None else self._source_text(file)
        if source is None:
            return []
        if not js_blocks.before_top_level_await(file, source, offset) or self._after_awaited_imports(file):
            return []
        frames = list(_IMPORT_FRAMES[kind])
        if kind == IMPORT_EVAL and js_blocks.top_level_awaits(file, source):
            frames.insert(1, _TICKS_FRAME)  # (Node evaluates such code from a tick)
        indent = bottom[: len(bottom) - len(bottom.lstrip())]
        return [f"{indent}at {frame}" for frame in frames]

    def _after_awaited_imports(self, file: str) -> bool:
        """Whether module `file` imports, at any depth, a module with top-level awaits: it then
        runs after them, from a job of its own."""
        seen = {file}
        todo = list(self.imports_of.get(file, ()))
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            source = self._source_text(name) if name in self.loaded_by else None
            if source is not None and js_blocks.top_level_awaits(name, source):
                return True
            todo.extend(self.imports_of.get(name, ()))
        return False


_READ_FILE_CHUNK = 512 * 1024  # fs/promises readFile's read size (kReadFileBufferLength)


def _read_chunks(path: str) -> Optional[int]:
    """The reads fs/promises' readFile makes of the file (at least one); None if it is missing."""
    try:
        return max(1, -(-os.stat(path).st_size // _READ_FILE_CHUNK))
    except OSError:
        return None

_MODULE_JOB_RUN = "ModuleJob.run (node:internal/modules/esm/module_job:272:25)"
_ON_IMPORT = "async onImport.tracePromise.__proto__ (node:internal/modules/esm/loader:552:26)"
_RUN_ENTRY = "async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:98:5)"
_IMPORT_FRAMES = {
    # Below a module's top level as it first runs: Node's loader, and for the
    # main entry point its runner. (Below a module an awaited import() loads,
    # V8 also shows the awaiting function: pynode does not know it.)
    IMPORT_ENTRY: (_MODULE_JOB_RUN, _ON_IMPORT, _RUN_ENTRY),
    IMPORT_DYNAMIC: (_MODULE_JOB_RUN, _ON_IMPORT),
    IMPORT_EVAL: (_MODULE_JOB_RUN, "async onImport.tracePromise.__proto__ (node:internal/modules/esm/loader:223:26)",
                  "async ModuleLoader.eval (node:internal/modules/esm/loader:219:20)", _RUN_ENTRY),
}
_COMPILE_FRAMES = (
    "compileSourceTextModule (node:internal/modules/esm/utils:338:16)",
    "ModuleLoader.moduleStrategy (node:internal/modules/esm/translators:106:18)",
    "#translate (node:internal/modules/esm/loader:442:12)",
    "ModuleLoader.loadAndTranslate (node:internal/modules/esm/loader:489:27)",
    "async ModuleJob._link (node:internal/modules/esm/module_job:115:19)",
)
_LINK_FRAMES = (
    "ModuleJob._instantiate (node:internal/modules/esm/module_job:181:21)",
    "async ModuleJob.run (node:internal/modules/esm/module_job:264:5)",
    _ON_IMPORT,
    _RUN_ENTRY,
)
_TICKS_FRAME = "process.processTicksAndRejections (node:internal/process/task_queues:105:5)"
_ENTRY_IMPORTER = "node:internal/main/run_main"
_LOAD = "__pynodeLoad"
_SYNC = "__pynodeSync"


def _original_offset(source: str, code: str, shifts: dict, offset: int) -> int:
    """Where an offset of instrumented `code` falls in the user's `source`."""
    line = code.count("\n", 0, offset) + 1
    column = offset - code.rfind("\n", 0, offset)
    line_start = 0
    for _ in range(line - 1):
        line_start = source.index("\n", line_start) + 1
    return line_start + throw_sites.original_column(shifts, line, column) - 1


def strip_shebang(source: str) -> str:
    if source.startswith("#!"):
        end = source.find("\n")
        return "//" + source[2:] if end == -1 else "//" + source[2:end] + source[end:]
    return source
