"""The doc runner's report: a table per doc, a summary line, or JSON for tooling."""

from __future__ import annotations

import json
import os
from dataclasses import asdict

from .runner import DocReport


def _cell(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def table(report: DocReport) -> str:
    lines = [f"{os.path.basename(report.path)}", ""]
    lines.append(f"  {'#':>3}  {'section':<38}  {'variant':<7}  {'kind':<9}  {'result':<6}  checks")
    for r in report.results:
        if r.status == "skip":
            checks = f"skipped: {r.reason}"
        else:
            checks = ", ".join(f"{c.name} {'ok' if c.ok else 'FAILED'}" + (f" ({c.detail})" if c.detail else "")
                               for c in r.checks)
            if r.bindings:
                checks += f"; binding: {' '.join(r.bindings)}"
            if r.peer:
                checks += f"; peer: {r.peer}"
        lines.append(f"  {r.example:>3}  {_cell(r.section, 38):<38}  {r.lang:<7}  {r.kind:<9}  {r.status:<6}  {checks}")
    lines.append("")
    lines.append(summary(report))
    return "\n".join(lines)


def summary(report: DocReport) -> str:
    examples = len({r.example for r in report.results})
    return (f"{os.path.basename(report.path)}: {examples} examples, {len(report.results)} variants: "
            f"{report.passed} passed, {report.failed} failed, {report.skipped} skipped")


def as_json(reports: list[DocReport]) -> str:
    docs = []
    for report in reports:
        docs.append({
            "path": report.path,
            "passed": report.passed,
            "failed": report.failed,
            "skipped": report.skipped,
            "results": [asdict(r) for r in report.results],
        })
    ok = all(r.failed == 0 for r in reports)
    return json.dumps({"docs": docs, "ok": ok}, indent=2, default=lambda o: sorted(o) if isinstance(o, frozenset) else str(o))
