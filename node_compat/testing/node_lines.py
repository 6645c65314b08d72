"""Rewrite lib/internal/node_throw_sites/lines.js from the reference Node.

Library lines name the frames of Node's own library they stand for (a
trailing `// at node:<id>:<line>:<column>` comment, or a
'node:<id>:<line>:<column>' literal; see lib/internal/node_throw_sites.js),
and fatal reports print Node's source text for them. That text is read here
from the sources bundled in the reference Node 23.5 binary, for exactly the
lines the library refers to:

    python -m node_compat.testing.node_lines

Run it after adding or changing such a reference; tests/lib/test_node_throw_sites.py
fails while one has no text.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from node_compat.realm import LIB_DIR
from node_compat.testing.refnode import reference_node

LIB = Path(LIB_DIR)
TABLE = LIB / "internal" / "node_throw_sites" / "lines.js"
REFERENCE = re.compile(r"(?:// at (?:[^()|\n]* )?\(?|')(node:[\w/.-]+):(\d+):(\d+)")

# Prints the requested lines of Node's bundled library sources as JSON.
_READER = """
const wanted = JSON.parse(process.argv[1]);
const sources = process.binding('natives');
const out = {};
for (const [id, lines] of Object.entries(wanted)) {
  const text = sources[id.slice(5)];
  if (typeof text !== 'string') throw new Error(`Node has no module ${id}`);
  const all = text.split('\\n');
  out[id] = Object.fromEntries(lines.map((n) => [n, all[n - 1]]));
}
process.stdout.write(JSON.stringify(out));
"""


def referenced_lines() -> dict[str, list[int]]:
    """{Node module id: [line, ...]} for every reference in the library."""
    found: dict[str, set[int]] = {}
    for path in sorted(LIB.rglob("*.js")):
        if path.relative_to(LIB).parts[0] == "vendor" or path == TABLE:
            continue
        for m in REFERENCE.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(m.group(1), set()).add(int(m.group(2)))
    return {module_id: sorted(lines) for module_id, lines in sorted(found.items())}


def _js_string(text: str) -> str:
    if "'" in text:
        return json.dumps(text, ensure_ascii=False)
    return "'" + text.replace("\\", "\\\\") + "'"


def render(lines: dict[str, dict[str, str]]) -> str:
    out = [
        "'use strict';",
        "",
        "// Node 23.5's source lines that fatal reports show, by module id and line",
        "// (see internal/node_throw_sites). Only the lines our library refers to;",
        "// written by `python -m node_compat.testing.node_lines`.",
        "",
        "module.exports = {",
        "  __proto__: null,",
    ]
    for module_id in sorted(lines):
        out.append(f"  '{module_id}': {{")
        for number in sorted(lines[module_id], key=int):
            out.append(f"    {number}: {_js_string(lines[module_id][number])},")
        out.append("  },")
    out.append("};")
    return "\n".join(out) + "\n"


def main() -> int:
    wanted = referenced_lines()
    proc = subprocess.run([reference_node(), "-e", _READER, json.dumps(wanted)],
                          capture_output=True, text=True, check=True)
    TABLE.write_text(render(json.loads(proc.stdout)), encoding="utf-8")
    print(f"{sum(len(v) for v in wanted.values())} lines of {len(wanted)} modules", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
