"""Where the `pynode` command is: what `process.execPath` names.

Programs run `process.execPath` to start another runtime like themselves
(`child_process.fork()` does), so it must be a program that runs pynode:
the command this process was started as when it is one, else the `pynode`
script installed beside the Python interpreter (started as
`python -m node_compat`, or embedded through `node_compat.Runtime`).
"""

from __future__ import annotations

import os
import sys


def exec_path() -> str:
    started_as = os.path.abspath(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if started_as and os.path.basename(started_as) != "__main__.py" and os.access(started_as, os.X_OK) \
            and not os.path.isdir(started_as):
        return started_as
    beside = os.path.join(os.path.dirname(sys.executable), "pynode")
    if os.access(beside, os.X_OK):
        return beside
    return started_as or sys.executable
