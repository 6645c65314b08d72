"""Doc conformance: run every example of a Node API doc and check it against the doc and Node.

`pynode --doc-test FILE [--against-node PATH] [--json]` and the pytest plugin
(`pytest --node-doc FILE`) both use `DocRunner`.
"""

from __future__ import annotations

import sys
from typing import Optional

from .report import as_json, summary, table
from .runner import DocReport, DocRunner

__all__ = ["DocReport", "DocRunner", "main"]


def main(paths: list[str], against_node: Optional[str] = None, as_json_output: bool = False,
         budget: float = 3.0) -> int:
    runner = DocRunner([sys.executable, "-m", "node_compat"], against_node, budget)
    reports = [runner.run_doc(path) for path in paths]
    if as_json_output:
        print(as_json(reports))
    else:
        for report in reports:
            print(table(report))
            print()
        if len(reports) > 1:
            for report in reports:
                print(summary(report))
    return 0 if all(r.failed == 0 for r in reports) else 1
