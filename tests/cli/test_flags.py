"""Node's runtime flags against node's: warnings, deprecations, gc, rejections, stack limits, uncaught traces.

Fixtures cannot give node options (their `// args:` go to the script), so
each case here runs a small program under both with the options before it.
Frames inside either runtime are dropped by `normalize`.
"""

from __future__ import annotations

import re

import pytest

from node_compat.testing.compare import normalize, run_both

SCRIPTS = {
    "warnings.js": r"""
process.on('warning', (w) => console.log('listener', w.name, w.message, w.code));
function f() { process.emitWarning('plain warning'); }
f();
process.emitWarning('dep warning', 'DeprecationWarning', 'DEP0999');
require('util').deprecate(() => {}, 'util dep', 'DEP0998')();
process.emitWarning('custom', { type: 'CustomWarning', detail: 'some detail' });
process.emitWarning(new Error('an error'));
const keys = Object.keys(process);
for (const k of ['noDeprecation', 'throwDeprecation', 'traceDeprecation', 'traceProcessWarnings']) {
  const at = keys.indexOf(k);
  console.log(k, process[k], JSON.stringify(Object.getOwnPropertyDescriptor(process, k)),
              at === -1 ? '' : keys[at - 1]);
}
console.log('listeners', process.listenerCount('warning'));
""",
    "pending.js": r"""
require('dep')();
process.binding('uv');
require('url').parse('http://example.com/');
console.log(process.binding.name, process.binding.length);
""",
    "node_modules/dep/index.js": "module.exports = () => Buffer(2);\n",
    "gc.js": r"""
if (typeof gc !== 'function') {
  console.log('no gc', 'gc' in globalThis);
} else {
  const d = Object.getOwnPropertyDescriptor(globalThis, 'gc');
  console.log(d.writable, d.enumerable, d.configurable, gc.name, gc.length, 'prototype' in gc);
  console.log(gc(), gc({}), gc({ type: 'minor' }), gc({ execution: 'sync' }), gc(1), gc(null), gc('x'));
  const read = [];
  gc(new Proxy({}, { get(t, k) { read.push(String(k)); } }));
  console.log(read);
  try { gc({ get type() { throw new Error('from getter'); } }); } catch (e) { console.log('threw', e.message); }
  setImmediate(() => console.log('immediate'));
  const p = gc({ execution: 'async' });
  console.log(p instanceof Promise);
  setImmediate(() => console.log('immediate 2'));
  // (A cycle: QuickJS frees it in its collection of cycles only.)
  globalThis.fr = new FinalizationRegistry((held) => console.log('finalized', held));
  p.then((v) => {
    console.log('gc done', v);
    setTimeout(() => {
      (function () { const a = {}; const b = { a }; a.b = b; fr.register(a, 'cycle'); })();
      gc();
      setTimeout(() => console.log('end'), 5);
    }, 1);
  });
}
""",
    "limit.js": r"""
function deep(n) { return n === 0 ? new Error('deep') : deep(n - 1); }
console.log(Error.stackTraceLimit, deep(20).stack.split('\n').filter((l) => l.includes('limit.js')).length);
""",
    "reject_handled.js": r"""
process.on('unhandledRejection', (r) => console.log('unhandledRejection', r && r.message || r));
process.on('exit', (c) => console.log('exit', c));
Promise.reject(new Error('rej1'));
Promise.reject(42);
setTimeout(() => console.log('later'), 20);
""",
    "reject_unhandled.js": r"""
process.on('exit', (c) => console.log('exit', c));
Promise.reject(new Error('rej1'));
const p = Promise.reject(42);
setTimeout(() => { console.log('later'); p.catch(() => {}); }, 20);
""",
    "reject_caught.js": r"""
process.on('uncaughtException', (e, origin) => console.log('uncaught', e && e.message, origin));
process.on('exit', (c) => console.log('exit', c));
Promise.reject(new Error('rej1'));
Promise.reject(42);
setTimeout(() => console.log('later'), 20);
""",
    "reject_values.js": r"""
class Foo {}
process.on('warning', (w) => console.log('W', w.name, JSON.stringify(w.message.split('\n')[0]), Object.keys(w)));
for (const v of [[1, 2], null, undefined, function f() {}, new Foo(), { toString() { return 'x'; } }, { a: 1 },
                 { stack: 'fake stack' }, 12n, new Map(), Object.create(null), 'str', Symbol('s'), Object, /re/g]) {
  Promise.reject(v);
}
""",
    "reject_primitive.js": "Promise.reject('str');\n",
    "reject_object.js": "Promise.reject({ stack: 'fake stack' });\n",
    "throw_primitive.js": "function thrower() { throw 42; }\nsetTimeout(thrower, 1);\n",
    "throw_error.js": "function thrower() { throw new Error('boom'); }\nthrower();\n",
    "throw_elsewhere.js": r"""
const e = new Error('made here');
class Foo { bar() { throw e; } static baz() { new Foo().bar(); } }
Foo.baz();
""",
    "throw_object.js": "const o = { m() { throw { custom: 1 }; } };\n[1].forEach(() => o.m());\n",
}

WARNING_FLAGS = [
    [], ["--no-warnings"], ["--no-deprecation"], ["--trace-warnings"], ["--throw-deprecation"],
    ["--trace-deprecation"], ["--no-warnings", "--warnings"], ["--trace-warnings", "--no-trace-warnings"],
    ["--no-deprecation", "--throw-deprecation"], ["--no-warnings", "--trace-warnings"], ["--trace_warnings"],
    ["--throw-deprecation=1"], ["--no-deprecation=x"],
]

CASES = [(flags, "warnings.js", None) for flags in WARNING_FLAGS] + [
    ([], "pending.js", None),
    (["--pending-deprecation"], "pending.js", None),
    ([], "pending.js", {"NODE_PENDING_DEPRECATION": "1"}),
    ([], "gc.js", None),
    (["--expose-gc"], "gc.js", None),
    (["--expose_gc"], "gc.js", None),
    (["--expose-gc", "--no-expose-gc"], "gc.js", None),
    ([], "limit.js", None),
    (["--stack-trace-limit=3"], "limit.js", None),
    (["--stack-trace-limit=0"], "limit.js", None),
    (["--stack_trace_limit= 14"], "limit.js", None),
    (["--stack-trace-limit=-1"], "limit.js", None),
    (["--stack-trace-limit=99999999999"], "limit.js", None),
    (["--stack-trace-limit=2", "--stack-trace-limit=5"], "limit.js", None),
] + [
    ([f"--unhandled-rejections={mode}"] if mode else [], script, None)
    for mode in ("", "strict", "throw", "warn", "none", "warn-with-error-code")
    for script in ("reject_handled.js", "reject_unhandled.js", "reject_caught.js", "reject_primitive.js",
                   "reject_object.js")
] + [
    (["--unhandled-rejections", "warn"], "reject_values.js", None),
    (["--unhandled-rejections=warn", "--no-warnings"], "reject_values.js", None),
] + [
    # NODE_OPTIONS: before the command line's, which win; quotes group words.
    ([], "warnings.js", {"NODE_OPTIONS": "--no-warnings"}),
    ([], "warnings.js", {"NODE_OPTIONS": "  --trace-warnings   --no-deprecation "}),
    ([], "warnings.js", {"NODE_OPTIONS": '"--throw-deprecation" ignored.js'}),
    (["--warnings"], "warnings.js", {"NODE_OPTIONS": "--no-warnings"}),
    ([], "limit.js", {"NODE_OPTIONS": "--stack-trace-limit=3"}),
    ([], "gc.js", {"NODE_OPTIONS": "--expose-gc"}),
    ([], "reject_values.js", {"NODE_OPTIONS": "--unhandled-rejections warn"}),
] + [
    (flags, script, None)
    for flags in ([], ["--trace-uncaught"])
    for script in ("throw_primitive.js", "throw_error.js", "throw_elsewhere.js", "throw_object.js",
                   "reject_primitive.js")
]

BAD_OPTIONS = [
    ["--stack-trace-limit"], ["--stack-trace-limit=5 "], ["--stack-trace-limit="], ["--stack-trace-limit=1.5"],
    ["--stack-trace-limit=abc"], ["--stack-trace-limit", "3"], ["--no-stack-trace-limit"],
    ["--unhandled-rejections"], ["--unhandled-rejections="], ["--unhandled-rejections=bogus"],
    ["--no-unhandled-rejections"], ["--expose-gc=1"], ["--no-expose-gc=true"],
]


def _program_name(text: str) -> str:
    return re.sub(r"^\S*(?:node|pynode|__main__\.py): ", "<prog>: ", text, flags=re.M)


@pytest.fixture
def scripts(tmp_path):
    for name, text in SCRIPTS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text.lstrip("\n"))
    return tmp_path


@pytest.mark.parametrize("flags,script,env", CASES,
                         ids=[" ".join(f + [s]) + (" (env)" if e else "") for f, s, e in CASES])
def test_same_as_node(flags, script, env, refnode, scripts):
    ref, ours = run_both(refnode, flags + [str(scripts / script)], cwd=str(scripts), env=env)
    assert normalize(ours.stdout) == normalize(ref.stdout)
    assert normalize(ours.stderr) == normalize(ref.stderr)
    assert ours.code == ref.code


@pytest.mark.parametrize("flags", BAD_OPTIONS, ids=" ".join)
def test_bad_option_as_node(flags, refnode, tmp_path):
    ref, ours = run_both(refnode, flags + ["-e", "1"], cwd=str(tmp_path))
    assert _program_name(ours.stderr) == _program_name(ref.stderr)
    assert ours.code == ref.code == 9


BAD_NODE_OPTIONS = [
    "-e 1", "--print=1", "--help", "-v", "--bogus", "--bogus=1", "--no-bogus", "-x", '"--no-warnings', '--no-warnings "a\\', "-r",
    "--unhandled-rejections", "--stack-trace-limit=abc", "--input-type=bad",
]


@pytest.mark.parametrize("value", BAD_NODE_OPTIONS)
def test_bad_node_options_as_node(value, refnode, tmp_path):
    ref, ours = run_both(refnode, ["-e", "1"], cwd=str(tmp_path), env={"NODE_OPTIONS": value})
    assert _program_name(ours.stderr) == _program_name(ref.stderr)
    assert ours.code == ref.code == 9


def test_node_options_stay_out_of_exec_argv_and_preload_first(refnode, tmp_path):
    (tmp_path / "a.js").write_text("console.log('a');\n")
    (tmp_path / "b c.js").write_text("console.log('b c');\n")
    env = {"NODE_OPTIONS": '--require ./a.js -r "./b c.js" --input-type=module --no-warnings'}
    ref, ours = run_both(refnode, ["-r", "./a.js", "-p", "[process.execArgv, typeof require]"], cwd=str(tmp_path),
                         env=env)
    assert (ours.stdout, ours.code) == (ref.stdout, ref.code)


def test_options_in_exec_argv(refnode, tmp_path):
    flags = ["--no-warnings", "--unhandled-rejections", "warn", "--stack-trace-limit=4", "--expose_gc",
             "--no-deprecation"]
    ref, ours = run_both(refnode, flags + ["-p", "process.execArgv"], cwd=str(tmp_path))
    assert ours.stdout == ref.stdout
