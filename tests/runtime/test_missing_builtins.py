"""Builtins of Node that pynode lacks: they fail as unknown builtins, in every form."""

from __future__ import annotations

import subprocess
import sys

PYNODE = [sys.executable, "-m", "node_compat"]


def run(tmp_path, *args):
    return subprocess.run(PYNODE + list(args), cwd=tmp_path, capture_output=True, text=True)


def test_require_with_and_without_scheme_and_resolve(tmp_path):
    # A package of the same name is not what a bare builtin name loads, in Node either.
    pkg = tmp_path / "node_modules" / "http2"
    pkg.mkdir(parents=True)
    (pkg / "index.js").write_text("module.exports = 'the package';")
    out = run(tmp_path, "-e", """
        for (const name of ['http2', 'node:http2', 'http']) {
          try { require(name); console.log(name, 'loaded'); } catch (e) { console.log(e.code, e.message); }
        }
        console.log(require.resolve('http2'), process.getBuiltinModule('http2'));
    """)
    assert out.stdout.splitlines() == [
        "ERR_UNKNOWN_BUILTIN_MODULE No such built-in module: http2",
        "ERR_UNKNOWN_BUILTIN_MODULE No such built-in module: node:http2",
        "ERR_UNKNOWN_BUILTIN_MODULE No such built-in module: http",
        "http2 undefined",
    ]


def test_import_fails_with_nodes_report(tmp_path):
    (tmp_path / "main.mjs").write_text("import http2 from 'http2';\n")
    out = run(tmp_path, "main.mjs")
    assert out.returncode == 1
    assert "Error [ERR_UNKNOWN_BUILTIN_MODULE]: No such built-in module: http2\n" in out.stderr
    dynamic = run(tmp_path, "-e", "import('node:tls').catch((e) => console.log(e.code, e.message))")
    assert dynamic.stdout == "ERR_UNKNOWN_BUILTIN_MODULE No such built-in module: node:tls\n"
