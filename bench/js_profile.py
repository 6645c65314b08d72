"""Where a pynode program's JavaScript work goes: a profiler for QuickJS runs.

QuickJS polls its interrupt handler on a countdown that every function call
and every loop iteration decrements. This tool installs a handler that
records the JS stack and, once it has found the countdown in the engine's
context, sets it so that the next poll comes at once: every call and
iteration is then recorded ("polls"). In an interpreter such work units
track time closely, they are the same in every run (no noise from other
processes), and they cost nothing outside JS (system calls and Python are
not counted; use perf or cProfile for those).

Usage: python bench/js_profile.py [--top N] [--per N] [--from-loop] script.js [args...]
  --per N      divide the counts by N (e.g. the number of connections)
  --from-loop  count only once the main script has run (skip start-up)
Prints the polls per function (where the polls happen: the function itself
plus the calls it makes), per file, and per function including callees.
"""

from __future__ import annotations

import collections
import ctypes
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jsbridge import as_text  # noqa: E402
from node_compat.realm import Realm  # noqa: E402

COUNTDOWN_START = 10000  # QuickJS's JS_INTERRUPT_COUNTER_INIT
VENDORED = "node:vendor/readable-stream/lib/internal/streams/"


def frame_key(line: str) -> tuple[str, str]:
    """("function", "file") of one stack line `    at fn (file:line:col)`."""
    text = line.strip()[3:]
    name, _, where = text.rpartition(" (")
    if not name:
        name, where = "<anonymous>", text
    where = where.rstrip(")").rsplit(":", 2)[0].replace(VENDORED, "readable-stream:")
    return name, where


class Profiler:
    def __init__(self) -> None:
        self.own: collections.Counter = collections.Counter()
        self.files: collections.Counter = collections.Counter()
        self.inclusive: collections.Counter = collections.Counter()
        self.polls = 0
        self.recording = False
        self._countdown = None  # the engine's countdown, once found
        self._busy = False

    def attach(self, realm: Realm) -> None:
        engine = realm.engine
        # Captured before the realm wraps Error, so stacks are the engine's own frames.
        capture = engine.eval("(E => () => new E().stack)(Error)", "profiler")
        context = engine._ctx_p
        candidates: list = []

        def handler() -> bool:
            if self._countdown is None:
                self._find_countdown(context, candidates)
            if self.recording and not self._busy:
                self._busy = True
                try:
                    self._record(as_text(capture()))
                finally:
                    self._busy = False
            if self._countdown is not None and self.recording:
                self._countdown.value = 1
            return realm.exiting

        engine.set_interrupt_handler(handler)

    def _find_countdown(self, context: int, candidates: list) -> None:
        """The int32 of the context that was just reset to its start value and then counts down."""
        words = (ctypes.c_int32 * 1024).from_address(context)
        if not candidates:
            candidates.extend(i for i in range(1024) if words[i] == COUNTDOWN_START)
            return
        found = [i for i in candidates if words[i] == COUNTDOWN_START]
        if len(found) == 1:
            self._countdown = ctypes.c_int32.from_address(context + 4 * found[0])
        else:
            candidates[:] = found

    def _record(self, stack: str) -> None:
        lines = [line for line in stack.split("\n")[1:] if line.strip()]  # [0] is `capture` itself
        if not lines:
            return
        self.polls += 1
        name, where = frame_key(lines[0])
        self.own[f"{name}  {where}"] += 1
        self.files[where] += 1
        seen = set()
        for line in lines:
            fn, file = frame_key(line)
            key = f"{fn}  {file}"
            if key not in seen:
                seen.add(key)
                self.inclusive[key] += 1

    def report(self, per: float, top: int) -> None:
        out = sys.stderr
        exact = "every poll" if self._countdown is not None else "one poll in 10000 (countdown not found)"
        print(f"\n{self.polls / per:.0f} polls{' per unit' if per != 1 else ''} ({exact})", file=out)
        for title, counter in (("by function", self.own), ("by file", self.files),
                               ("by function, with callees", self.inclusive)):
            print(f"--- {title}", file=out)
            for key, count in counter.most_common(top):
                print(f"{count / per:10.1f}  {100 * count / max(1, self.polls):5.1f}%  {key}", file=out)


def main() -> None:
    args = sys.argv[1:]
    top, per, from_loop = 40, 1.0, False
    while args and args[0].startswith("--"):
        option = args.pop(0)
        if option == "--top":
            top = int(args.pop(0))
        elif option == "--per":
            per = float(args.pop(0))
        elif option == "--from-loop":
            from_loop = True
    profiler = Profiler()
    boot = Realm._boot
    run_loop = Realm.run_loop

    def profiled_boot(realm: Realm) -> None:
        profiler.attach(realm)
        boot(realm)
        profiler.recording = not from_loop

    def profiled_run_loop(realm: Realm) -> None:
        profiler.recording = True
        run_loop(realm)

    Realm._boot = profiled_boot
    Realm.run_loop = profiled_run_loop
    from node_compat.cli import main as pynode

    try:
        pynode(args)
    finally:
        profiler.report(per, top)


if __name__ == "__main__":
    main()
