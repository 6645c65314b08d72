"""Running doc examples under pynode (and optionally a real Node), with peers and time budgets.

Each variant runs verbatim (or as a fragment with its bindings) from a
scratch directory. Programs still running when the budget ends (servers)
are stopped with SIGTERM and count as having run cleanly. A program that
sends to or connects to a fixed port or socket path gets a peer first: the
doc's own example that serves it, or a small built-in echo peer.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Optional

from ..testing.compare import normalize
from . import fragments, shell_clients
from .extract import Example, Expectation, Variant, parse_doc

EPHEMERAL_PORT = re.compile(r"(?:(?<=:)|(?<=port: )|(?<=port=))(3[2-9]\d{3}|[4-5]\d{4}|6[0-5]\d{3})\b")


@dataclass
class Outcome:
    stdout: str
    stderr: str
    code: Optional[int]
    stopped: bool  # still running at the end of the budget, stopped by the runner


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class VariantResult:
    example: int
    section: str
    lang: str
    kind: str  # 'verbatim', 'fragment', 'reflowed' (HTML whose line breaks were restored)
    bindings: list[str]
    status: str  # 'pass', 'fail', 'skip'
    reason: str = ""
    checks: list[Check] = field(default_factory=list)
    ours: Optional[Outcome] = None
    node: Optional[Outcome] = None
    peer: str = ""
    fixed_ports: frozenset = frozenset()  # port numbers written in the program: not normalised


@dataclass
class DocReport:
    path: str
    results: list[VariantResult]

    @property
    def passed(self) -> int:
        return sum(r.status == "pass" for r in self.results)

    @property
    def failed(self) -> int:
        return sum(r.status == "fail" for r in self.results)

    @property
    def skipped(self) -> int:
        return sum(r.status == "skip" for r in self.results)


# -- processes -------------------------------------------------------------------------


def _launch(command: list[str], script: str, cwd: str) -> subprocess.Popen:
    env = dict(os.environ, NO_COLOR="1", FORCE_COLOR="0")
    return subprocess.Popen(command + [script], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, start_new_session=True)


def _finish(proc: subprocess.Popen, budget: float) -> Outcome:
    try:
        out, err = proc.communicate(timeout=budget)
        stopped = False
    except subprocess.TimeoutExpired:
        stopped = True
        _stop(proc)
        out, err = proc.communicate()
    return Outcome(out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                   None if stopped else proc.returncode, stopped)


def _stop(proc: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 3.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def isolated_command(interfaces: list[str]) -> list[str]:
    """A prefix that runs a command alone on its network: a new namespace whose
    loopback carries multicast, with the named interfaces (veth pairs, down
    to nothing) for examples that name one (Linux: unshare and ip)."""
    setup = ["ip link set lo up multicast on", "ip route add 224.0.0.0/4 dev lo"]
    for i, name in enumerate(interfaces):
        setup.append(f"ip link add {name} type veth peer name pynode-peer{i}")
        setup.append(f"ip link set {name} up")
    return ["unshare", "-rn", "sh", "-c", " && ".join(setup) + ' && exec "$0" "$@"']


_isolation: Optional[bool] = None


def isolation_works() -> bool:
    """Whether isolated commands can run here (user namespaces allowed, the tools there)."""
    global _isolation
    if _isolation is None:
        try:
            probe = subprocess.run(isolated_command(["pynode-probe"]) + ["true"], capture_output=True, timeout=10)
            _isolation = probe.returncode == 0
        except (OSError, subprocess.SubprocessError):
            _isolation = False
    return _isolation


def _script_name(lang: str) -> str:
    return "example.mjs" if lang == "esm" else "example.cjs"


# -- readiness of fixed endpoints ----------------------------------------------------------


def _bound_ports(kind: str) -> set:
    ports = set()
    files = ("/proc/net/udp", "/proc/net/udp6") if kind == "udp" else ("/proc/net/tcp", "/proc/net/tcp6")
    for name in files:
        try:
            with open(name) as fh:
                next(fh)
                for line in fh:
                    cols = line.split()
                    if kind == "tcp" and cols[3] != "0A":  # LISTEN
                        continue
                    ports.add(int(cols[1].rsplit(":", 1)[1], 16))
        except (OSError, StopIteration):
            continue
    return ports


def endpoint_ready(endpoint, kind: str) -> bool:
    if isinstance(endpoint, int):
        return endpoint in _bound_ports(kind)
    return os.path.exists(endpoint)


def wait_ready(endpoint, kind: str, timeout: float = 8.0, server: Optional[subprocess.Popen] = None) -> bool:
    """Whether the endpoint comes to be served in time (and before the server, if given, exits)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (server is None or server.poll() is None):
        if endpoint_ready(endpoint, kind):
            return True
        time.sleep(0.02)
    return False


def wait_free(endpoint, kind: str, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and endpoint_ready(endpoint, kind):
        time.sleep(0.02)
    if isinstance(endpoint, str) and os.path.exists(endpoint):
        try:
            os.unlink(endpoint)
        except OSError:
            pass


def remove_stale_socket(path: str) -> None:
    """Unlink a Unix socket file nobody listens on (left by a server that was stopped)."""
    import stat

    try:
        if not stat.S_ISSOCK(os.stat(path).st_mode):
            return
    except OSError:
        return
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(path)
    except ConnectionRefusedError:
        os.unlink(path)
    except OSError:
        pass
    finally:
        probe.close()


class EchoPeer:
    """A built-in echo peer (UDP, TCP or Unix stream) for examples whose doc has no server."""

    def __init__(self, endpoint, kind: str) -> None:
        self.stop_event = threading.Event()
        if isinstance(endpoint, str):
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.bind(endpoint)
        else:
            family_sock = socket.SOCK_DGRAM if kind == "udp" else socket.SOCK_STREAM
            self.sock = socket.socket(socket.AF_INET6, family_sock)
            self.sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.sock.bind(("::", endpoint))
        self.kind = kind
        if kind != "udp":
            self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop_event.is_set():
            try:
                if self.kind == "udp":
                    data, addr = self.sock.recvfrom(65536)
                    self.sock.sendto(data, addr)
                else:
                    conn, _ = self.sock.accept()
                    threading.Thread(target=self._echo, args=(conn,), daemon=True).start()
            except (socket.timeout, OSError):
                continue

    def _echo(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                while True:
                    data = conn.recv(65536)
                    if not data:
                        return
                    conn.sendall(data)
            except OSError:
                return

    def close(self) -> None:
        self.stop_event.set()
        self.thread.join(timeout=2)
        self.sock.close()


# -- the runner ----------------------------------------------------------------------------


class DocRunner:
    def __init__(self, pynode: list[str], node: Optional[str] = None, budget: float = 3.0, attempts: int = 5) -> None:
        self.pynode = pynode
        self.node = node
        self.budget = budget
        self.attempts = attempts

    def run_doc(self, path: str) -> DocReport:
        examples = parse_doc(path)
        module = fragments.doc_module(path, [v.code for e in examples for v in e.variants])
        results = []
        for example in examples:
            for variant in example.variants:
                results.append(self.run_variant(example, variant, examples, module))
        return DocReport(path, results)

    def run_variant(self, example: Example, variant: Variant, examples: list[Example],
                    module: Optional[str]) -> VariantResult:
        lang_label = {"esm": "ESM", "cjs": "CJS"}.get(variant.lang, variant.lang)
        base = VariantResult(example.number, example.section, lang_label, "verbatim", [], "skip")
        if variant.lang not in ("esm", "cjs"):
            client = shell_clients.parse(variant.code)
            server = self._peer_for({client.endpoint}, variant, examples, module) if client else None
            if server is None:
                base.reason = f"not JavaScript ({variant.lang})"
                return base
            return self._run_shell_client(base, client, server)
        prep = fragments.prepare(variant.code, variant.lang, module)
        base.bindings = prep.bindings
        base.kind = "reflowed" if variant.reflowed else ("fragment" if prep.bindings else "verbatim")
        interfaces = fragments.missing_interfaces(prep.code)
        isolated = bool(interfaces) or fragments.joins_multicast(prep.code)
        if isolated and not isolation_works():
            base.reason = ("joins a multicast group" if not interfaces else
                           f"needs network interface {', '.join(interfaces)}, which this machine does not have") + \
                ": needs a network namespace of its own (unshare -rn), not available"
            return base
        program = _instrument(prep.code, variant.expectations, len(prep.bindings))
        base.fixed_ports = frozenset(int(p) for p in re.findall(r"\b(\d{2,5})\b", program))
        kind = fragments.transport(program)
        peer_endpoints = fragments.targets(program)
        peer_source = self._peer_for(peer_endpoints, variant, examples, module)
        base.peer = peer_source[0] if peer_source else ("built-in echo" if peer_endpoints else "")
        # With a reference Node, both runs get the same peer, Node running
        # the doc's server: a difference is then the example's, and the
        # peer's timing does not change how TCP data splits between reads.
        peer_command = [self.node] if self.node else self.pynode
        if peer_source and self.node:
            base.peer += " under node"
        # An example can race with itself (e.g. how TCP data is split between
        # reads, which Node itself does either way on a busy machine): a
        # mismatch is run again, up to `attempts` times in all, and our run
        # passes when it matches any run of Node seen so far. The report says
        # which attempt matched.
        ours_command = isolated_command(interfaces) + self.pynode if isolated else self.pynode
        node_command = isolated_command(interfaces) + [self.node] if isolated else [self.node]

        def run(command: list[str]) -> Outcome:
            return self._execute(command, program, variant.lang, peer_endpoints, peer_source, peer_command, kind)

        return self._until_matched(base, lambda: run(ours_command), lambda: run(node_command), variant.expectations)

    def _until_matched(self, base: VariantResult, ours, node, expectations: list[Expectation],
                       first_check=None) -> VariantResult:
        """Run ours (and Node's) until every check passes, `attempts` times at most; the result."""
        node_runs: list[Outcome] = []
        for attempt in range(1, self.attempts + 1):
            base.ours = ours()
            if self.node:
                node_runs.append(node())
            base.checks = self._checks(base, expectations, node_runs)
            if first_check is not None:
                base.checks.insert(0, first_check(base.ours))
            if all(c.ok for c in base.checks):
                if attempt > 1:
                    base.checks.append(Check(f"matched on attempt {attempt} of {self.attempts}", True))
                break
        base.status = "pass" if all(c.ok for c in base.checks) else "fail"
        return base

    def _run_shell_client(self, base: VariantResult, client: shell_clients.ShellClient, server) -> VariantResult:
        """A shell command that talks to the doc's server: the server runs under each
        runtime, the runner plays the command, and the server's output with the
        client's transcript is what is compared."""
        base.peer = f"{client.tool} played by the runner, to {server[0]}"
        base.fixed_ports = frozenset(int(p) for p in re.findall(r"\b(\d{2,5})\b", server[1]))

        def session_check(ours: Outcome) -> Check:
            connected = "] received " in ours.stdout
            return Check(f"{client.tool} session", connected,
                         "" if connected else ours.stdout.rsplit("\n[", 1)[-1].strip())

        return self._until_matched(base, lambda: self._serve_session(self.pynode, server, client),
                                   lambda: self._serve_session([self.node], server, client), [], session_check)

    @staticmethod
    def _serve_session(command: list[str], server, client: shell_clients.ShellClient) -> Outcome:
        """Run the doc's server, play the client's session with it, then stop it."""
        workdir = tempfile.mkdtemp(prefix="pynode-doctest-")
        try:
            if isinstance(client.endpoint, str):
                remove_stale_socket(client.endpoint)
            wait_free(client.endpoint, "tcp")
            script = _script_name(server[2])
            with open(os.path.join(workdir, script), "w") as fh:
                fh.write(server[1])
            proc = _launch(command, script, workdir)
            if wait_ready(client.endpoint, "tcp", server=proc):
                transcript = shell_clients.session(client)
            else:
                transcript = f"[{client.tool}] could not connect: the server never listened\n"
            outcome = _finish(proc, 0.3)  # (the server's last words, then it is stopped)
            outcome.stdout += transcript
            return outcome
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def _peer_for(self, endpoints: set, variant: Variant, examples: list[Example], module: Optional[str]):
        if not endpoints:
            return None
        for example in examples:
            candidates = sorted(example.variants, key=lambda v: v.lang != variant.lang)
            for other in candidates:
                if other is variant or other.lang not in ("esm", "cjs"):
                    continue
                if endpoints & fragments.serves(other.code) and not fragments.targets(other.code):
                    prep = fragments.prepare(other.code, other.lang, module)
                    return (f"example {example.number} ({other.lang.upper()})", prep.code, other.lang)
        return None

    def _execute(self, command: list[str], program: str, lang: str, endpoints: set, peer_source,
                 peer_command: list[str], kind: str) -> Outcome:
        workdir = tempfile.mkdtemp(prefix="pynode-doctest-")
        peer_proc = None
        echo = None
        try:
            for endpoint in endpoints | fragments.serves(program):
                if isinstance(endpoint, str):
                    remove_stale_socket(endpoint)
            for endpoint in endpoints:
                wait_free(endpoint, kind)
            if peer_source is not None:
                peer_dir = os.path.join(workdir, "peer")
                os.mkdir(peer_dir)
                name = _script_name(peer_source[2])
                with open(os.path.join(peer_dir, name), "w") as fh:
                    fh.write(peer_source[1])
                peer_proc = _launch(peer_command, name, peer_dir)
                for endpoint in endpoints:
                    wait_ready(endpoint, kind)
            elif endpoints:
                echo = [EchoPeer(endpoint, kind) for endpoint in endpoints]
            script = _script_name(lang)
            with open(os.path.join(workdir, script), "w") as fh:
                fh.write(program)
            proc = _launch(command, script, workdir)
            return _finish(proc, self.budget)
        finally:
            if peer_proc is not None:
                _stop(peer_proc)
                peer_proc.communicate()
            for peer in echo or ():
                peer.close()
            for endpoint in endpoints:
                if isinstance(endpoint, str) and os.path.exists(endpoint) and echo:
                    os.unlink(endpoint)
            shutil.rmtree(workdir, ignore_errors=True)

    def _checks(self, result: VariantResult, expectations: list[Expectation], node_runs: list[Outcome]) -> list[Check]:
        ours = result.ours
        checks = []
        fatal = "\nNode.js v" in ours.stderr or (ours.code not in (0, None))
        if not node_runs:
            checks.append(Check("runs cleanly", not fatal, "" if not fatal else _failure_line(ours)))
        for exp in expectations:
            if exp.kind == "prints":
                ok = _printed(ours.stdout, exp.text) or _printed(ours.stderr, exp.text)  # console.error prints too
                checks.append(Check(f"prints '{exp.text}'", ok, "" if ok else "not in the output"))
            else:
                got = _returned(ours.stdout, exp.line)
                ok = got is not None and _same_value_text(got, exp.text)
                checks.append(Check(f"{exp.expression} returns {exp.text}", ok, "" if ok else f"got {got}"))
        if node_runs:
            keep = result.fixed_ports
            matching = [node for node in node_runs if _same_outcome(ours, node, keep)]
            result.node = matching[0] if matching else node_runs[-1]
            detail = "" if matching else _difference(ours, result.node, keep)
            checks.append(Check("same as node", bool(matching), detail))
        return checks


def _failure_line(outcome: Outcome) -> str:
    """The error line of a fatal report ("TypeError: ..."), or the exit code."""
    for line in outcome.stderr.split("\n"):
        if re.match(r"^[\w$.]*(?:Error|Exception)\b.*?:", line) or line.startswith("Uncaught"):
            return f"exit code {outcome.code}: {line.strip()}"
    return f"exit code {outcome.code}"


def _instrument(code: str, expectations: list[Expectation], offset: int) -> str:
    """Make 'returns' promises observable: print each promised expression's value."""
    returns = {exp.line + offset: exp for exp in expectations if exp.kind == "returns" and exp.expression}
    if not returns:
        return code
    lines = code.split("\n")
    for lineno, exp in returns.items():
        lines[lineno - 1] = (f"console.log('\\u0000returns {exp.line}:' + "
                             f"process.getBuiltinModule('node:util').inspect({exp.expression}).replace(/\\n/g, ' '));")
    return "\n".join(lines)


def _same_value_text(got: str, promised: str) -> bool:
    """The doc writes values as util.inspect shows them, sometimes bare, spaced at will."""
    squash = lambda t: re.sub(r"\s+", " ", t).replace("{ ", "{").replace(" }", "}").replace("[ ", "[").replace(" ]", "]").strip()
    got, promised = squash(got), squash(promised)
    return got == promised or (got.startswith("'") and got.endswith("'") and got[1:-1] == promised)


def _returned(stdout: str, line: int) -> Optional[str]:
    marker = f"\x00returns {line}:"
    for out in stdout.split("\n"):
        if out.startswith(marker):
            return out[len(marker):]
    return None


def _printed(stdout: str, text: str) -> bool:
    lines = [line.rstrip() for line in stdout.split("\n")]
    return text in lines or any(text in line for line in lines)


def _canon(text: str, keep: frozenset = frozenset()) -> str:
    """Output with what differs between any two runs replaced: ephemeral ports, scratch paths."""
    text = normalize(text)
    text = EPHEMERAL_PORT.sub(lambda m: m.group(0) if int(m.group(0)) in keep else "<port>", text)
    return re.sub(r"/tmp/pynode-doctest-[\w]+", "<tmp>", text)


def _same_outcome(ours: Outcome, node: Outcome, keep: frozenset) -> bool:
    return (_canon(ours.stdout, keep) == _canon(node.stdout, keep)
            and _canon(ours.stderr, keep) == _canon(node.stderr, keep)
            and ours.code == node.code and ours.stopped == node.stopped)


def _difference(ours: Outcome, node: Outcome, keep: frozenset) -> str:
    for name, a, b in (("stdout", ours.stdout, node.stdout), ("stderr", ours.stderr, node.stderr)):
        ca, cb = _canon(a, keep).split("\n"), _canon(b, keep).split("\n")
        if ca != cb:
            for i, (x, y) in enumerate(zip(ca + [""] * len(cb), cb + [""] * len(ca))):
                if x != y:
                    return f"{name} line {i + 1}: pynode {x!r} vs node {y!r}"
    return f"exit: pynode {'stopped' if ours.stopped else ours.code} vs node {'stopped' if node.stopped else node.code}"
