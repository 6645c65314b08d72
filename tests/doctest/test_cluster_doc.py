"""The dgram doc's examples that need a network of their own run verbatim, as in Node.

The cluster example's workers join a multicast group, which tells the
network (IGMP); another example names an interface (`::%eth1`) this machine
may not have. Both runtimes run them in a network namespace of their own,
whose loopback carries multicast and which has the interfaces named. In the
cluster example one worker joins, the other fails with EADDRINUSE, as the doc
says, and the primary keeps running.
"""

from __future__ import annotations

import sys
from pathlib import Path

from node_compat.doctest import fragments
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


def test_an_example_naming_a_missing_interface_runs_with_it(refnode):
    assert isolation_works()
    runner = DocRunner([sys.executable, "-m", "node_compat"], refnode, budget=2.0)
    examples = [e for e in parse_doc(str(DOC)) if any("%eth1'" in v.code for v in e.variants)]
    assert examples
    for example in examples:
        for variant in example.variants:
            assert fragments.missing_interfaces(variant.code) in ([], ["eth1"])
            result = runner.run_variant(example, variant, examples, "dgram")
            assert result.status == "pass", (variant.lang, result.checks, result.ours)
