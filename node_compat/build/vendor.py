"""Fetch the npm packages pinned in `vendor-lock.json` into `node_compat/lib/vendor/`.

Each package is downloaded once from the npm registry (or taken from the
user's cache), checked against the lockfile's sha512 integrity, and the
files its `include` patterns select are written under
`lib/vendor/<name>/` with their paths inside the package kept, so the
package's own relative `require()` calls still line up. A stamp file records
the integrity that was unpacked; an up-to-date tree is left alone, which
keeps repeated `pip install -e .` runs offline and fast.

Run `python -m node_compat.build.vendor` to vendor without building.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import io
import json
import os
import shutil
import tarfile
import urllib.request
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
LOCKFILE = HERE / "vendor-lock.json"
VENDOR_DIR = HERE.parent / "lib" / "vendor"
STAMP = ".integrity"


class VendorError(RuntimeError):
    """A pinned package could not be fetched or did not match its lock entry."""


def registry() -> str:
    from node_compat.testing.refnode import REGISTRY

    return REGISTRY


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pynode" / "npm"


def load_lock(path: Path = LOCKFILE) -> dict:
    with open(path) as fh:
        return json.load(fh)["packages"]


def check_integrity(data: bytes, integrity: str, what: str) -> None:
    algo, _, expected = integrity.partition("-")
    if algo not in ("sha512", "sha384", "sha256"):
        raise VendorError(f"{what}: unsupported integrity algorithm {algo!r}")
    actual = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if actual != expected:
        raise VendorError(f"{what}: integrity mismatch (expected {integrity}, got {algo}-{actual})")


def tarball_url(name: str, version: str) -> str:
    basename = name.rsplit("/", 1)[-1]
    return f"{registry()}/{name}/-/{basename}-{version}.tgz"


def fetch(name: str, entry: dict) -> bytes:
    """The package tarball, verified; downloaded only when the cache lacks a good copy."""
    version, integrity = entry["version"], entry["integrity"]
    what = f"{name}@{version}"
    cached = cache_dir() / f"{name.replace('/', '__')}-{version}.tgz"
    if cached.is_file():
        data = cached.read_bytes()
        try:
            check_integrity(data, integrity, what)
            return data
        except VendorError:
            cached.unlink()
    with urllib.request.urlopen(tarball_url(name, version), timeout=120) as resp:
        data = resp.read()
    check_integrity(data, integrity, what)
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_name(f"{cached.name}.tmp{os.getpid()}")
    tmp.write_bytes(data)
    tmp.replace(cached)
    return data


def selected(path: str, entry: dict) -> bool:
    """Whether a file of the package is vendored (`*` in patterns also crosses `/`)."""
    if any(fnmatch.fnmatchcase(path, pat) for pat in entry.get("exclude", [])):
        return False
    return any(fnmatch.fnmatchcase(path, pat) for pat in entry["include"])


def unpack(data: bytes, entry: dict, target: Path) -> list[str]:
    """Write the selected files of a package tarball under `target`; returns their paths."""
    written = []
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            parts = PurePosixPath(member.name).parts
            # npm tarballs put everything under one top directory (usually `package/`).
            rel = PurePosixPath(*parts[1:]) if len(parts) > 1 else None
            if rel is None or rel.is_absolute() or ".." in rel.parts:
                continue
            if not selected(rel.as_posix(), entry):
                continue
            dest = target.joinpath(*rel.parts)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(tar.extractfile(member).read())
            written.append(rel.as_posix())
    return sorted(written)


def vendor_package(name: str, entry: dict, root: Path = VENDOR_DIR) -> bool:
    """Make `root/<name>` hold the pinned files; returns False when it already did."""
    target = root / name
    stamp = target / STAMP
    if stamp.is_file() and stamp.read_text().strip() == entry["integrity"]:
        return False
    data = fetch(name, entry)
    staging = root / f".{name.replace('/', '__')}.tmp{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    files = unpack(data, entry, staging)
    if not files:
        shutil.rmtree(staging, ignore_errors=True)
        raise VendorError(f"{name}@{entry['version']}: no file matched {entry['include']}")
    (staging / STAMP).write_text(entry["integrity"] + "\n")
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging.replace(target)
    return True


def vendor_all(lockfile: Path = LOCKFILE, root: Path = VENDOR_DIR) -> list[str]:
    """Vendor every locked package; returns the names that were (re)written."""
    changed = []
    for name, entry in load_lock(lockfile).items():
        if vendor_package(name, entry, root):
            changed.append(name)
    return changed


if __name__ == "__main__":
    for pkg in vendor_all():
        print(f"vendored {pkg}")
