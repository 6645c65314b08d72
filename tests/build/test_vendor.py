"""The build step that vendors pinned npm packages (node_compat/build/vendor.py)."""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
from pathlib import Path

import pytest

from node_compat.build import vendor


def make_tarball(files: dict) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def integrity_of(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


@pytest.fixture
def cached_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A package tarball already in the download cache, so no test touches the network."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = make_tarball({
        "LICENSE": "MIT\n",
        "package.json": "{}",
        "lib/a.js": "exports.a = 1;\n",
        "lib/sub/b.js": "exports.b = 2;\n",
        "lib/skip.js": "nope\n",
        "../escape.js": "nope\n",
    })
    cache = vendor.cache_dir()
    cache.mkdir(parents=True)
    (cache / "demo-1.0.0.tgz").write_bytes(data)
    entry = {"version": "1.0.0", "integrity": integrity_of(data), "include": ["LICENSE", "lib/*.js"],
             "exclude": ["lib/skip.js"]}
    return entry


def test_vendors_selected_files_only(cached_package: dict, tmp_path: Path) -> None:
    root = tmp_path / "vendor"
    assert vendor.vendor_package("demo", cached_package, root) is True
    got = sorted(p.relative_to(root / "demo").as_posix() for p in (root / "demo").rglob("*") if p.is_file())
    assert got == [".integrity", "LICENSE", "lib/a.js", "lib/sub/b.js"]
    assert (root / "demo" / "lib" / "sub" / "b.js").read_text() == "exports.b = 2;\n"
    assert not (tmp_path / "escape.js").exists()


def test_up_to_date_tree_is_left_alone(cached_package: dict, tmp_path: Path) -> None:
    root = tmp_path / "vendor"
    vendor.vendor_package("demo", cached_package, root)
    assert vendor.vendor_package("demo", cached_package, root) is False


def test_integrity_mismatch_is_refused(cached_package: dict) -> None:
    data = (vendor.cache_dir() / "demo-1.0.0.tgz").read_bytes()
    with pytest.raises(vendor.VendorError, match="integrity mismatch"):
        vendor.check_integrity(data + b"x", cached_package["integrity"], "demo@1.0.0")


def test_tarball_url_follows_npm_layout() -> None:
    assert vendor.tarball_url("readable-stream", "4.8.0").endswith("/readable-stream/-/readable-stream-4.8.0.tgz")
    assert vendor.tarball_url("@scope/pkg", "1.2.3").endswith("/@scope/pkg/-/pkg-1.2.3.tgz")


def test_installed_tree_matches_the_lockfile() -> None:
    for name, entry in vendor.load_lock().items():
        stamp = vendor.VENDOR_DIR / name / vendor.STAMP
        assert stamp.read_text().strip() == entry["integrity"], f"{name} is not vendored at its locked version"
