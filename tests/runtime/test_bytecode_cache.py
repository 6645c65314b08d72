"""The builtin bytecode cache: one directory per installation, entries reused until their source changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from node_compat.bytecode_cache import BytecodeCache, installation_key


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PYNODE_NO_BYTECODE_CACHE", raising=False)
    return tmp_path / "cache"


def test_installations_have_their_own_directories() -> None:
    assert installation_key("/a/site-packages/node_compat") == installation_key("/a/site-packages/node_compat")
    assert installation_key("/a/site-packages/node_compat") != installation_key("/b/site-packages/node_compat")


def test_entry_is_reused_until_the_source_changes(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "mod.js"
    source.write_text("1")
    compiled = []

    def compile_fn() -> bytes:
        compiled.append(1)
        return b"blob%d" % len(compiled)

    cache = BytecodeCache("v1")
    assert cache.dir is not None and cache.dir.startswith(str(cache_home))
    assert cache.load("internal/mod", str(source), compile_fn) == b"blob1"
    assert BytecodeCache("v1").load("internal/mod", str(source), compile_fn) == b"blob1"
    assert len(compiled) == 1
    source.write_text("22")
    assert cache.load("internal/mod", str(source), compile_fn) == b"blob2"
    assert os.listdir(cache.dir) == ["internal%mod.qbc"]
