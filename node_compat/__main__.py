"""`python -m node_compat`: the same as the `pynode` command."""

from .cli import entry

entry()
