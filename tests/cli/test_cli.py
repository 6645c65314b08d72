"""The pynode command line against node's: options, eval/print, stdin, preload, exit codes."""

from __future__ import annotations

import re
import subprocess

import pytest

from node_compat.testing.compare import normalize, pynode_command, run_both

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
    # Builtin modules as globals of -e/-p code (not of stdin's).
    (["-e", "const d = Object.getOwnPropertyDescriptor(globalThis, 'fs');"
            "console.log(typeof fs, fs === require('fs'), d.get.name, d.set.name, d.enumerable, 'module' in globalThis);"
            "os = 1; console.log(Object.getOwnPropertyDescriptor(globalThis, 'os'), Reflect.ownKeys(globalThis).slice(-7))"],
     None),
    (["-p", "typeof path.join"], None),
    (["--input-type=module", "-e", "console.log(typeof util.inspect, typeof require, typeof __filename)"], None),
    (["-"], b"console.log(typeof fs, typeof os)"),
    # Stacks of -e, -p and stdin code: the frames of Node's runners below it.
    (["-e", "function f() { return new Error('f').stack } console.log(f())"], None),
    (["-p", "new Error('p').stack"], None),
    (["-"], b"console.log(new Error('x').stack)"),
    (["-e", "null.x"], None),
    # Errors the engine makes in -e code, caught there: V8's message and stack.
    (["-e", "try { JSON.stringify({ a: 1n }); } catch (e) { console.log(e.stack); }"], None),
    (["-p", "try { null.x } catch (e) {}"], None),
    (["--input-type=module", "-e", "try { null.x; } catch (e) { console.log(e.stack); }"], None),
    (["--input-type=module", "-e", "import './dep.mjs'; console.log(new Error('x').stack)"], None),
    (["--input-type=module"], b"console.log(new Error('y').stack); await 1; null.x"),
    # A CommonJS name in module code: Node's loader explains it.
    (["--input-type=module", "-e", "console.log(__dirname)"], None),
]


def _program_name(text: str) -> str:
    return re.sub(r"^\S*(?:node|pynode|__main__\.py): ", "<prog>: ", text, flags=re.M)


@pytest.mark.parametrize("args,stdin", CASES, ids=[" ".join(a) or "<stdin>" for a, _ in CASES])
def test_same_as_node(args, stdin, refnode, tmp_path):
    (tmp_path / "dep.mjs").write_text("console.log(new Error('dep').stack);\n")
    ref, ours = run_both(refnode, args, cwd=str(tmp_path), stdin=stdin)
    assert normalize(ours.stdout) == normalize(ref.stdout)
    assert _program_name(normalize(ours.stderr)) == _program_name(normalize(ref.stderr))
    assert ours.code == ref.code


def test_preload_runs_first(refnode, tmp_path):
    (tmp_path / "pre.js").write_text("globalThis.loadedFirst = 'yes';")
    ref, ours = run_both(refnode, ["-r", "./pre.js", "-p", "loadedFirst"], cwd=str(tmp_path))
    assert ours.stdout == ref.stdout == "yes\n"


def test_main_script_named_by_a_pipe(refnode, tmp_path):
    """/dev/stdin on a pipe resolves (a FIFO counts as a file) but its real path cannot be opened."""
    ref, ours = run_both(refnode, ["/dev/stdin"], cwd=str(tmp_path), stdin=b"console.log('ran')")
    for result in (ref, ours):
        assert result.code == 1
        assert result.stdout == ""
        assert re.search(r"^Error: ENOENT: no such file or directory, open '/proc/\d+/fd/pipe:\[\d+\]'$",
                         result.stderr, flags=re.M), result.stderr
        assert "  code: 'ENOENT',\n  syscall: 'open',\n" in result.stderr
    assert ours.stderr.splitlines()[:3] == ref.stderr.splitlines()[:3]  # the source line Node shows


def test_main_script_named_by_a_redirected_file(refnode, tmp_path):
    """/dev/stdin on a file: its real path is the file, which runs."""
    script = tmp_path / "script.js"
    script.write_text("console.log('ran', require('path').basename(__filename))")
    outputs = []
    for command in ([refnode], pynode_command()):
        with open(script, "rb") as stdin:
            outputs.append(subprocess.run(command + ["/dev/stdin"], stdin=stdin, capture_output=True, text=True,
                                          cwd=str(tmp_path)))
    assert outputs[0].stdout == outputs[1].stdout == "ran script.js\n"
    assert outputs[0].returncode == outputs[1].returncode == 0


# A preload that subscribes to the module.require and module.import traces
# sees the loads Node traces: the main module, other preloads, -e's own
# require('module'), import() calls and ES module entry points.
TRACING_PRELOAD = """
const dc = require('diagnostics_channel');
const show = (event) => (message) => console.log(event, message);
dc.tracingChannel('module.require').subscribe({
  start: show('require start'), end: (m) => console.log('require end', Object.keys(m)),
  asyncStart() {}, asyncEnd() {}, error: (m) => console.log('require error', m.error.code),
});
dc.tracingChannel('module.import').subscribe({
  start: show('import start'), end: (m) => console.log('import end', Object.keys(m)),
  asyncStart: (m) => console.log('import asyncStart', Object.keys(m)), asyncEnd: () => console.log('import asyncEnd'),
  error: (m) => console.log('import error', m.error.code),
});
"""


@pytest.mark.parametrize("args,stdin", [
    (["-r", "./trace.js", "main.js"], None),
    (["-r", "./trace.js", "-r", "./sub.js", "-e", "import('./sub.js')"], None),
    (["-r", "./trace.js", "-p", "require('./nope')"], None),
    (["-r", "./trace.js", "main.mjs"], None),
    (["-r", "./trace.js", "--input-type=module", "-e", "console.log('module code')"], None),
    (["-r", "./trace.js", "--input-type=module"], b"await import('./sub.js').catch(() => {}); await import('./nope.mjs')"),
], ids=["main", "preload-eval-import", "missing", "esm-main", "eval-module", "stdin-module"])
def test_module_traces_seen_from_a_preload(args, stdin, refnode, tmp_path):
    (tmp_path / "trace.js").write_text(TRACING_PRELOAD)
    (tmp_path / "sub.js").write_text("console.log('sub runs');\n")
    (tmp_path / "main.js").write_text("console.log('main runs'); require('./sub.js');\n")
    (tmp_path / "main.mjs").write_text("console.log('esm main'); await import('./sub.js');\n")
    ref, ours = run_both(refnode, args, cwd=str(tmp_path), stdin=stdin)
    assert "start" in ref.stdout
    assert normalize(ours.stdout) == normalize(ref.stdout)
    assert ours.code == ref.code
