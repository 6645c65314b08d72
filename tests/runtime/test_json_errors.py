"""JSON.parse's error messages: pynode's account of them against V8's own.

internal/json_errors re-reads a text the engine's parser rejected and says
what V8 would. It has no dependencies, so here it runs under the reference
Node itself, over many malformed texts, each checked against V8's
JSON.parse. (fixtures/runtime/json_parse_errors.js and fixtures/fatal/
json_parse_* check the wiring: messages, stacks and fatal reports in pynode.)
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULE = ROOT / "node_compat" / "lib" / "internal" / "json_errors.js"
FUZZ = ROOT / "fixtures" / "_json" / "fuzz_against_v8.js"


def test_every_message_is_v8s(refnode) -> None:
    done = subprocess.run([refnode, str(FUZZ), str(MODULE), "60000", "20261122"],
                          capture_output=True, text=True, check=True)
    *mismatches, summary = done.stdout.splitlines()
    assert mismatches == []
    assert summary.startswith("0 mismatches in 60000 texts")
    invalid = int(summary.split("(")[1].split()[0])
    assert invalid > 50000  # nearly all are malformed: the check is not vacuous


def test_the_report_head_for_each_kind_of_line(refnode, tmp_path) -> None:
    """jsonArrow() against Node's fatal report for the same uncaught error."""
    texts = ["[1,", "trux", '[1,\r\n2,\r\n x]', '["\u2028", x]', '"\0x', "\tx", '["é", x]', '{"a":1}\n\n  x']
    program = tmp_path / "arrows.js"
    program.write_text(
        f"const {{ jsonArrow, diagnose }} = require({str(MODULE)!r});\n"
        "const text = JSON.parse(process.argv[2]);\n"
        "if (process.argv[3] === 'ours') process.stdout.write(jsonArrow(text, diagnose(text).pos));\n"
        "else JSON.parse(text);\n")
    for text in texts:
        ours = subprocess.run([refnode, str(program), json.dumps(text), "ours"], capture_output=True, check=True)
        node = subprocess.run([refnode, str(program), json.dumps(text)], capture_output=True)
        assert node.returncode == 1
        assert node.stderr.startswith(ours.stdout + b"\n"), text
