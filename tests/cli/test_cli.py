"""The pynode command line against node's: options, eval/print, stdin, preload, exit codes."""

from __future__ import annotations

import re

import pytest

from node_compat.testing.compare import normalize, run_both

CASES = [
    (["-p", "1 + 2"], None),
    (["-p", "({ a: [1, { b: 2 }], s: 'x' })"], None),
    (["-pe", "'ab'.repeat(2)"], None),
    (["-p", "undefined"], None),
    (["-e", "console.log(process.argv.length, process.argv.slice(2))", "a", "b"], None),
    (["--input-type=module", "-e", "console.log(typeof require, import.meta.url.endsWith('[eval1]'))"], None),
    (["-e", "import os from 'node:os'; console.log(typeof os.EOL, typeof require)"], None),
    (["-e", "process.exitCode = 4"], None),
    (["-e", "process.exit(7)"], None),
    (["-e", "throw new Error('from eval')"], None),
    (["-"], b"console.log('stdin', typeof require, __filename)"),
    ([], b"console.log('implicit stdin')"),
    (["--input-type=module"], b"import { EOL } from 'node:os'; console.log(JSON.stringify(EOL))"),
    (["--input-type=module", "-e", "import c from 'node:nonexistent'"], None),
    (["--input-type=module", "-e", "import c from './missing.mjs'"], None),
    (["--input-type=module"], b"import { x } from 'node:nonexistent'"),
    (["--bad-option"], None),
    (["-e"], None),
    (["--input-type=nope", "-e", "1"], None),
    (["-v"], None),
]


def _program_name(text: str) -> str:
    return re.sub(r"^\S*(?:node|pynode|__main__\.py): ", "<prog>: ", text, flags=re.M)


@pytest.mark.parametrize("args,stdin", CASES, ids=[" ".join(a) or "<stdin>" for a, _ in CASES])
def test_same_as_node(args, stdin, refnode, tmp_path):
    ref, ours = run_both(refnode, args, cwd=str(tmp_path), stdin=stdin)
    assert normalize(ours.stdout) == normalize(ref.stdout)
    assert _program_name(normalize(ours.stderr)) == _program_name(normalize(ref.stderr))
    assert ours.code == ref.code


def test_preload_runs_first(refnode, tmp_path):
    (tmp_path / "pre.js").write_text("globalThis.loadedFirst = 'yes';")
    ref, ours = run_both(refnode, ["-r", "./pre.js", "-p", "loadedFirst"], cwd=str(tmp_path))
    assert ours.stdout == ref.stdout == "yes\n"
