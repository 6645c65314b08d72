"""The dgram doc's cluster example runs verbatim and does what Node does.

Its workers join a multicast group, which tells the network (IGMP): both
runtimes run it in a network namespace of their own, whose loopback
carries multicast. One worker joins; the other fails with EADDRINUSE, as
the doc says, and the primary keeps running.
"""

from __future__ import annotations

import sys
from pathlib import Path

from node_compat.doctest.extract import parse_doc
from node_compat.doctest.runner import DocRunner, isolation_works

DOC = Path(__file__).resolve().parents[2].parent / "shared" / "docs" / "dgram.v23.5.it.md"


def test_cluster_example_matches_node(refnode):
    assert isolation_works(), "unshare -rn and ip are needed to run multicast examples apart from the network"
    runner = DocRunner([sys.executable, "-m", "node_compat"], refnode, budget=3.0)
    examples = [e for e in parse_doc(str(DOC)) if any("node:cluster" in v.code for v in e.variants)]
    assert examples
    for example in examples:
        for variant in example.variants:
            result = runner.run_variant(example, variant, examples, "dgram")
            assert result.status == "pass", (variant.lang, result.checks, result.ours)
            assert "addMembership EADDRINUSE" in result.ours.stderr
            assert result.ours.stopped  # the primary and one worker keep running
