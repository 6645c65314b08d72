"""Every code example of the dgram docs runs verbatim in fixtures/dgram.

The fixtures keep each example either as a whole file under fixtures/dgram/_docs
(started by a bounded driver) or between `// -- from the docs --` and
`// -- end --` markers (fragments, after the obvious binding). This test
checks that each example of the v23.5 docs is there unchanged, except the
`cluster` ones: they join a multicast group, which only a network namespace
of their own may do; tests/doctest/test_cluster_doc.py runs them so.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT.parent / "shared" / "docs" / "dgram.v23.5.it.md"
FIXTURES = ROOT / "fixtures" / "dgram"
_MARKED = re.compile(r"^[ \t]*// -- from the docs --\n(.*?)^[ \t]*// -- end --", re.M | re.S)


def doc_examples() -> list[str]:
    text = DOC.read_text()
    return [code for code in re.findall(r"```js \[(?:ESM|CJS)\]\n(.*?)```", text, re.S)
            if "node:cluster" not in code]


def fixture_texts() -> list[str]:
    texts = []
    for path in FIXTURES.rglob("*"):
        if path.suffix not in (".js", ".mjs", ".cjs"):
            continue
        source = path.read_text()
        if path.parent.name == "_docs":
            texts.append(source)
        texts.extend(textwrap.dedent(block) for block in _MARKED.findall(source))
    return texts


@pytest.mark.skipif(not DOC.exists(), reason="the shared docs are not beside the repository")
def test_every_dgram_doc_example_is_a_fixture_verbatim():
    texts = [t.strip() for t in fixture_texts()]
    examples = doc_examples()
    assert len(examples) == 15
    missing = [code for code in examples if code.strip() not in texts]
    assert missing == []
