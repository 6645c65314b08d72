"""Run a program under pynode and the reference Node and compare what they print.

Only what cannot match is normalised: stack frames inside the runtimes
themselves (Node's `node:internal/...` frames and ours) are dropped and the
remaining frames reduced to their locations (V8 and QuickJS name anonymous
functions differently), and process ids in warnings become `PID`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from typing import Optional

_FRAME = re.compile(r"^(\s+)at (?:.*? \()?(.*?)\)?$")
_INTERNAL = re.compile(r"^\s+at .*(?:\(node:|\(<anonymous>\)|\(native\)| node:|\(jsbridge:|\[eval\]-wrapper)")
_PID = re.compile(r"\(node:\d+\)")


@dataclass
class Result:
    stdout: str
    stderr: str
    code: int


def normalize(text: str, replacements: Optional[dict] = None) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        # inspect opens an error's own properties at the end of its last
        # frame line; when that frame is dropped the brace moves up.
        brace = ""
        if line.endswith(" {") and line.lstrip().startswith("at "):
            line, brace = line[:-2], " {"
        if _INTERNAL.match(line) or re.match(r"^\s+at node:", line):
            if brace and out and out[-1].lstrip().startswith("at "):
                out[-1] += brace
            continue
        frame = _FRAME.match(line) if line.lstrip().startswith("at ") else None
        if frame is not None:
            line = f"{frame.group(1)}at {frame.group(2)}"
        out.append(line + brace)
    text = "\n".join(out)
    text = _PID.sub("(node:PID)", text)
    for old, new in (replacements or {}).items():
        text = text.replace(old, new)
    return text


def exact(text: str) -> str:
    """`text` as printed, but for process ids in warnings."""
    return _PID.sub("(node:PID)", text)


def pynode_command() -> list[str]:
    return [sys.executable, "-m", "node_compat"]


def run(command: list[str], cwd: str, timeout: float, stdin: Optional[bytes] = None, env: Optional[dict] = None) -> Result:
    full_env = dict(os.environ)
    full_env.update(env or {})
    proc = subprocess.run(
        command, cwd=cwd, input=stdin, capture_output=True, timeout=timeout, env=full_env,
    )
    return Result(proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), proc.returncode)


def run_both(node: str, args: list[str], cwd: str, timeout: float = 30.0, stdin: Optional[bytes] = None,
             env: Optional[dict] = None) -> tuple[Result, Result]:
    """(reference, pynode) results of running `node args...` and `pynode args...`."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    procs = []
    for command in ([node] + args, pynode_command() + args):
        procs.append(subprocess.Popen(command, cwd=cwd, env=full_env, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    results = []
    for proc in procs:
        try:
            out, err = proc.communicate(stdin, timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            err += b"\n<timed out>"
        results.append(Result(out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), proc.returncode))
    return results[0], results[1]
