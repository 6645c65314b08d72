"""Shared test fixtures: the reference Node binary and fd-leak checks."""

from __future__ import annotations

import os

import pytest

from node_compat.testing.refnode import reference_node

# The pynode processes the tests start run the code under test (this
# checkout's, also when another checkout is the one installed).
_CHECKOUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (_CHECKOUT, os.environ.get("PYTHONPATH")) if p)


@pytest.fixture(scope="session")
def refnode() -> str:
    """The reference Node.js v23.5.0, downloaded from the npm registry on first use."""
    return reference_node()


def open_fds() -> set:
    return set(os.listdir("/proc/self/fd"))
