"""Node's module resolution: CommonJS `require.resolve` and the ES module resolver.

Both work on the file system from Python; failures raise `ModuleError` with
the Node error code and message, which the JS side turns into the thrown error.
"""

from __future__ import annotations

import os
import stat
from functools import lru_cache

from jsbridge import ModuleError

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Optional

CJS_CONDITIONS = ("node", "require", "module-sync", "default")
ESM_CONDITIONS = ("node", "import", "module-sync", "default")
CJS_EXTENSIONS = (".js", ".json", ".node")


_URL_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/:@!$&'()*+,;=-._~")


def path_to_url(path: str) -> str:
    """A file: URL for an absolute path, percent-encoding as Node's pathToFileURL does."""
    data = path.encode("utf-8", "surrogateescape")
    return "file://" + "".join(chr(b) if b in _URL_SAFE else f"%{b:02X}" for b in data)


def unquote(text: str) -> str:
    if "%" not in text:
        return text
    out = bytearray()
    i = 0
    raw = text.encode("utf-8", "surrogateescape")
    while i < len(raw):
        if raw[i] == 0x25 and i + 3 <= len(raw) and all(c in b"0123456789abcdefABCDEF" for c in raw[i + 1:i + 3]):
            out.append(int(raw[i + 1:i + 3], 16))
            i += 3
        else:
            out.append(raw[i])
            i += 1
    return out.decode("utf-8", "surrogateescape")


# What a URL's query and fragment percent-encode (WHATWG URL, special schemes).
_QUERY_ENCODED = frozenset(b' "#<>\'')
_FRAGMENT_ENCODED = frozenset(b' "<>`')


def _encode_part(text: str, encoded: frozenset) -> str:
    data = text.encode("utf-8", "surrogateescape")
    return "".join(f"%{b:02X}" if b < 0x21 or b > 0x7E or b in encoded else chr(b) for b in data)


def split_url_suffix(specifier: str) -> tuple:
    """(specifier, "?query#fragment") of a relative, absolute or file: specifier, the suffix as a URL keeps it.

    The suffix makes a module of its own in Node (`./a.mjs?x` is not
    `./a.mjs`), though both load the same file; an empty one is none.
    """
    if not (specifier.startswith(("./", "../", "/", "file:")) or specifier in (".", "..")):
        return specifier, ""
    base, hash_mark, fragment = specifier.partition("#")
    base, question_mark, query = base.partition("?")
    suffix = ""
    if query:
        suffix += "?" + _encode_part(query, _QUERY_ENCODED)
    if fragment:
        suffix += "#" + _encode_part(fragment, _FRAGMENT_ENCODED)
    return base, suffix


def url_to_path(url: str) -> str:
    if not url.startswith("file:"):
        raise ModuleError("ERR_INVALID_URL_SCHEME", "The URL must be of scheme file")
    rest = url[5:]
    if rest.startswith("//"):
        slash = rest.find("/", 2)
        rest = rest[slash:] if slash != -1 else "/"
    for sep in ("?", "#"):
        cut = rest.find(sep)
        if cut != -1:
            rest = rest[:cut]
    return unquote(rest)


def _is_file(path: str) -> bool:
    """Anything that exists and is not a directory, as Node's module stat counts it (a FIFO is a file)."""
    try:
        return not stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _is_dir(path: str) -> bool:
    return os.path.isdir(path)


@lru_cache(maxsize=512)
def _read_package_json_cached(path: str, mtime: float) -> Optional[dict]:
    import json

    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def read_package_json(directory: str) -> Optional[dict]:
    path = os.path.join(directory, "package.json")
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return None
    return _read_package_json_cached(path, mtime)


def package_scope(path: str) -> tuple[Optional[str], Optional[dict]]:
    """The nearest package.json above `path` (Node's package scope), stopping at node_modules."""
    directory = os.path.dirname(path)
    while True:
        if os.path.basename(directory) == "node_modules":
            return None, None
        data = read_package_json(directory)
        if data is not None:
            return directory, data
        parent = os.path.dirname(directory)
        if parent == directory:
            return None, None
        directory = parent


def module_format(path: str) -> str:
    """'module', 'commonjs', 'json' or 'detect' (a .js file with no "type" to say)."""
    if path.endswith(".mjs"):
        return "module"
    if path.endswith(".cjs"):
        return "commonjs"
    if path.endswith(".json"):
        return "json"
    _, pkg = package_scope(path)
    kind = pkg.get("type") if pkg else None
    if kind == "module":
        return "module" if path.endswith(".js") or "." not in os.path.basename(path) else "unknown"
    if kind == "commonjs":
        return "commonjs"
    return "detect"


# -- package exports ---------------------------------------------------------------


def _resolve_target(pkg_dir: str, target, subpath_rest: str, conditions: tuple) -> Optional[str]:
    if isinstance(target, str):
        if not target.startswith("./"):
            return None
        resolved = target.replace("*", subpath_rest) if "*" in target else target + subpath_rest
        return os.path.normpath(os.path.join(pkg_dir, resolved))
    if isinstance(target, list):
        for item in target:
            found = _resolve_target(pkg_dir, item, subpath_rest, conditions)
            if found:
                return found
        return None
    if isinstance(target, dict):
        for key, value in target.items():
            if key == "default" or key in conditions:
                found = _resolve_target(pkg_dir, value, subpath_rest, conditions)
                if found is not None:
                    return found
        return None
    return None


def resolve_exports(pkg_dir: str, exports, subpath: str, conditions: tuple, name: str, base: str) -> str:
    """Resolve `subpath` ('.' or './x') through a package's "exports" field."""
    if isinstance(exports, (str, list)) or (
        isinstance(exports, dict) and exports and not any(k.startswith(".") for k in exports)
    ):
        exports = {".": exports}
    if not isinstance(exports, dict):
        exports = {}
    if subpath in exports:
        found = _resolve_target(pkg_dir, exports[subpath], "", conditions)
        if found:
            return found
    else:
        best = None
        for key in exports:
            if "*" in key:
                prefix, _, suffix = key.partition("*")
                if subpath.startswith(prefix) and subpath.endswith(suffix) and len(subpath) >= len(key) - 1:
                    if best is None or len(prefix) > len(best[1]):
                        best = (key, prefix, subpath[len(prefix) : len(subpath) - len(suffix) if suffix else None])
            elif key.endswith("/") and subpath.startswith(key):
                if best is None or len(key) > len(best[1]):
                    best = (key, key, subpath[len(key) :])
        if best is not None:
            found = _resolve_target(pkg_dir, exports[best[0]], best[2], conditions)
            if found:
                return found
    pkg_json = os.path.join(pkg_dir, "package.json")
    if subpath == ".":
        message = f'No "exports" main defined in {pkg_json}'
    else:
        message = f"Package subpath '{subpath}' is not defined by \"exports\" in {pkg_json}"
    if base:
        message += f" imported from {base}"
    raise ModuleError("ERR_PACKAGE_PATH_NOT_EXPORTED", message)


def _split_package_name(request: str) -> tuple[str, str]:
    parts = request.split("/")
    if request.startswith("@") and len(parts) > 1:
        name, rest = "/".join(parts[:2]), parts[2:]
    else:
        name, rest = parts[0], parts[1:]
    return name, ("./" + "/".join(rest)) if rest else "."


def node_modules_paths(directory: str) -> list[str]:
    paths = []
    while True:
        if os.path.basename(directory) != "node_modules":
            paths.append(os.path.join(directory, "node_modules"))
        parent = os.path.dirname(directory)
        if parent == directory:
            return paths
        directory = parent


# -- CommonJS -------------------------------------------------------------------------


def _load_as_file(path: str) -> Optional[str]:
    if _is_file(path):
        return path
    for ext in CJS_EXTENSIONS:
        if _is_file(path + ext):
            return path + ext
    return None


def _load_index(path: str) -> Optional[str]:
    for ext in CJS_EXTENSIONS:
        candidate = os.path.join(path, "index" + ext)
        if _is_file(candidate):
            return candidate
    return None


def _load_as_directory(path: str) -> Optional[str]:
    pkg = read_package_json(path)
    main = pkg.get("main") if pkg else None
    if isinstance(main, str) and main:
        target = os.path.normpath(os.path.join(path, main))
        found = _load_as_file(target) or _load_index(target)
        if found:
            return found
    return _load_index(path)


def resolve_cjs(request: str, parent_dir: str, extra_paths: Optional[list] = None) -> Optional[str]:
    """The file `require(request)` loads from `parent_dir`, or None when there is none."""
    if request.startswith(("./", "../", "/")) or request in (".", ".."):
        target = os.path.normpath(os.path.join(parent_dir, request))
        found = None
        if not request.endswith("/"):
            found = _load_as_file(target)
        found = found or (_load_as_directory(target) if _is_dir(target) else None)
        return os.path.realpath(found) if found else None
    name, subpath = _split_package_name(request)
    for directory in node_modules_paths(parent_dir) + list(extra_paths or []):
        pkg_dir = os.path.join(directory, name)
        pkg = read_package_json(pkg_dir)
        if pkg is not None and "exports" in pkg and pkg["exports"] is not None:
            found = resolve_exports(pkg_dir, pkg["exports"], subpath, CJS_CONDITIONS, name, "")
            found = _load_as_file(found) if found else None
            if found:
                return os.path.realpath(found)
            continue
        target = os.path.join(directory, request)
        found = _load_as_file(target) or (_load_as_directory(target) if _is_dir(target) else None)
        if found:
            return os.path.realpath(found)
    return None


# -- ES modules -------------------------------------------------------------------------


def _esm_legacy_main(pkg_dir: str, pkg: Optional[dict]) -> Optional[str]:
    main = pkg.get("main") if pkg else None
    if isinstance(main, str) and main:
        target = os.path.normpath(os.path.join(pkg_dir, main))
        for candidate in (target, target + ".js", target + ".json", target + ".node",
                          os.path.join(target, "index.js"), os.path.join(target, "index.json")):
            if _is_file(candidate):
                return candidate
    candidate = os.path.join(pkg_dir, "index.js")
    return candidate if _is_file(candidate) else None


def resolve_esm(specifier: str, parent_path: str) -> str:
    """Resolve an import specifier to an absolute file path (builtins are handled before)."""
    base_desc = parent_path
    if specifier.startswith("file:"):
        path = url_to_path(specifier)
    elif specifier.startswith(("./", "../", "/")) or specifier in (".", ".."):
        path = os.path.normpath(os.path.join(os.path.dirname(parent_path), unquote(specifier)))
        if specifier.endswith("/"):
            path += "/"
    elif ":" in specifier.split("/")[0]:
        scheme = specifier.split(":", 1)[0]
        raise ModuleError(
            "ERR_UNSUPPORTED_ESM_URL_SCHEME",
            "Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. "
            f"Received protocol '{scheme}:'",
        )
    else:
        return _resolve_esm_package(specifier, parent_path)
    if _is_dir(path.rstrip("/")):
        raise ModuleError(
            "ERR_UNSUPPORTED_DIR_IMPORT",
            f"Directory import '{path}' is not supported resolving ES modules imported from {base_desc}",
            site="dir",
            url=path_to_url(path),
        )
    if not _is_file(path):
        raise ModuleError(
            "ERR_MODULE_NOT_FOUND",
            f"Cannot find module '{path}' imported from {base_desc}",
            site="finalize",
            url=path_to_url(path),
        )
    return os.path.realpath(path)


def _resolve_esm_package(specifier: str, parent_path: str) -> str:
    name, subpath = _split_package_name(specifier)
    for directory in node_modules_paths(os.path.dirname(parent_path)):
        pkg_dir = os.path.join(directory, name)
        if not _is_dir(pkg_dir):
            continue
        pkg = read_package_json(pkg_dir)
        if pkg is not None and pkg.get("exports") is not None:
            found = resolve_exports(pkg_dir, pkg["exports"], subpath, ESM_CONDITIONS, name, parent_path)
        elif subpath == ".":
            found = _esm_legacy_main(pkg_dir, pkg)
        else:
            found = os.path.join(pkg_dir, subpath[2:])
        if found and _is_file(found):
            return os.path.realpath(found)
        if found:
            raise ModuleError(
                "ERR_MODULE_NOT_FOUND",
                f"Cannot find module '{found}' imported from {parent_path}",
                site="finalize",
                url=path_to_url(found),
            )
    raise ModuleError("ERR_MODULE_NOT_FOUND", f"Cannot find package '{name}' imported from {parent_path}", site="package")
