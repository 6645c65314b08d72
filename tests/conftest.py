"""Shared test fixtures: the reference Node binary and fd-leak checks."""

from __future__ import annotations

import os

import pytest

from node_compat.testing.refnode import reference_node


@pytest.fixture(scope="session")
def refnode() -> str:
    """The reference Node.js v23.5.0, downloaded from the npm registry on first use."""
    return reference_node()


def open_fds() -> set:
    return set(os.listdir("/proc/self/fd"))
