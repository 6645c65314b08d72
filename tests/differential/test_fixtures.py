"""Every program in fixtures/ prints the same under pynode as under Node 23.5.

A fixture may start with directive comments:
  // args: a b c        command-line arguments after the script
  // stdin: text        data for standard input (\\n for newlines)
  // env: NAME=value    extra environment
  // timeout: 20        seconds before both runs are stopped
  // compare: exact      stack frames compared as printed (by default they are
                         reduced to what both runtimes can show alike)

Each run happens in a copy of the fixture's area directory. An area holding
a `_standalone` file has programs that use nothing but themselves and the
area's `_` helpers (fixtures/fatal: one uncaught error each): only those are
copied, which keeps a large area cheap.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from node_compat.testing.compare import exact, normalize, run_both

ROOT = Path(__file__).resolve().parents[2] / "fixtures"
_DIRECTIVE = re.compile(r"^//\s*(args|stdin|env|timeout|compare):\s?(.*)$")


def fixture_files() -> list[Path]:
    files = []
    for path in sorted(ROOT.rglob("*")):
        if path.suffix not in (".js", ".mjs", ".cjs") or not path.is_file():
            continue
        rel = path.relative_to(ROOT)
        if any(part.startswith("_") or part == "node_modules" for part in rel.parts):
            continue
        files.append(path)
    return files


def directives(path: Path) -> dict:
    found: dict = {"args": [], "stdin": None, "env": {}, "timeout": 30.0, "exact": False}
    for line in path.read_text().splitlines():
        m = _DIRECTIVE.match(line)
        if m is None:
            if line.startswith("//") or not line.strip():
                continue
            break
        key, value = m.groups()
        if key == "args":
            found["args"] = value.split()
        elif key == "stdin":
            found["stdin"] = value.replace("\\n", "\n").encode()
        elif key == "env":
            name, _, val = value.partition("=")
            found["env"][name] = val
        elif key == "timeout":
            found["timeout"] = float(value)
        elif key == "compare":
            found["exact"] = value.strip() == "exact"
    return found


def copy_standalone(area: Path, script: Path, work: Path) -> None:
    """Copy `script` and the `_` helpers of `area` into `work`."""
    work.mkdir()
    for entry in area.iterdir():
        if entry.name.startswith("_"):
            if entry.is_dir():
                shutil.copytree(entry, work / entry.name, symlinks=True)
            else:
                shutil.copy2(entry, work / entry.name)
    target = work / script.relative_to(area)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(script, target)


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_same_output_as_node(path: Path, refnode: str, tmp_path: Path) -> None:
    opts = directives(path)
    area = ROOT / path.relative_to(ROOT).parts[0]
    work = tmp_path / area.name
    if (area / "_standalone").exists():
        copy_standalone(area, path, work)
    else:
        shutil.copytree(area, work, symlinks=True)
    script = work / path.relative_to(area)
    ref, ours = run_both(refnode, [str(script)] + opts["args"], cwd=str(work), timeout=opts["timeout"],
                         stdin=opts["stdin"], env=opts["env"])
    if opts["exact"]:
        assert exact(ours.stdout) == exact(ref.stdout), f"stdout differs; stderr was:\n{ours.stderr}"
        assert exact(ours.stderr) == exact(ref.stderr)
    else:
        assert normalize(ours.stdout) == normalize(ref.stdout), f"stdout differs; stderr was:\n{ours.stderr}"
        assert normalize(ours.stderr) == normalize(ref.stderr)
    assert ours.code == ref.code
