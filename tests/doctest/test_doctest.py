"""The doc runner: extraction of every format, fragments, expectations, running and reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from node_compat.doctest import fragments, shell_clients
from node_compat.doctest.extract import parse_doc, reflow
from node_compat.doctest.runner import DocRunner

DOCS = Path(__file__).resolve().parents[2] / "fixtures" / "_docs"
PYNODE = [sys.executable, "-m", "node_compat"]


def test_node_markdown_pairs_sections_and_expectations():
    examples = parse_doc(str(DOCS / "timers.md"))
    assert [(e.section, [v.lang for v in e.variants]) for e in examples] == [
        ("Ordering", ["esm", "cjs"]), ("Paths", ["cjs"]), ("A server", ["cjs"]), ("A server", ["console"])]
    prints = examples[0].variants[0].expectations
    assert [(x.kind, x.text) for x in prints] == [("prints", "immediate")]
    returns = examples[1].variants[0].expectations[0]
    assert (returns.kind, returns.text, returns.expression) == ("returns", "a/b", "path.join('a', 'b')")


def test_code_group_and_translated_comments():
    examples = parse_doc(str(DOCS / "grouped.it.md"))
    assert [[v.lang for v in e.variants] for e in examples] == [["esm", "cjs"], ["esm"]]
    assert examples[0].variants[1].expectations[0].text == "got 1"
    assert examples[0].section == "Esempio"


def test_html_with_collapsed_lines_is_reflowed():
    examples = parse_doc(str(DOCS / "page.html"))
    assert len(examples) == 1 and [v.lang for v in examples[0].variants] == ["esm", "cjs"]
    esm = examples[0].variants[0]
    assert esm.reflowed and "// two items\nconsole.log(a.length);" in esm.code
    assert reflow("a(); // note here b(); // Prints: x ") == "a();\n// note here\nb();\n// Prints: x\n"


def test_fragment_bindings_and_needs():
    prep = fragments.prepare("socket.bind({ port: 0 });", "esm", "dgram")
    assert prep.bindings == ["import dgram from 'node:dgram';", "const socket = dgram.createSocket('udp4');"]
    prep = fragments.prepare("server.listen(0);", "cjs", "net")
    assert prep.bindings == ["const net = require('node:net');", "const server = net.createServer();"]
    assert fragments.prepare("import cluster from 'node:cluster';", "esm", "dgram").bindings == []
    assert fragments.joins_multicast("s.bind(1234, () => { s.addMembership('224.0.0.114'); });")
    assert not fragments.joins_multicast("s.setMulticastTTL(2);")
    assert fragments.missing_interfaces("s.setMulticastInterface('::%eth9'); s.x('::%eth9');") == ["eth9"]
    client = "const c = dgram.createSocket('udp4'); c.send(m, 41234, 'localhost', () => {});"
    assert fragments.targets(client) == {41234}
    assert fragments.serves("server.bind(41234);") == {41234}


def test_runner_checks_expectations_and_budget():
    report = DocRunner(PYNODE, budget=2.0).run_doc(str(DOCS / "timers.md"))
    status = [(r.example, r.lang, r.kind, r.status) for r in report.results]
    assert status == [(1, "ESM", "verbatim", "pass"), (1, "CJS", "verbatim", "pass"),
                      (2, "CJS", "fragment", "pass"), (3, "CJS", "verbatim", "pass"), (4, "console", "verbatim", "skip")]
    assert report.results[3].ours.stopped  # the server ran until its budget ended
    assert report.results[2].bindings == ["const path = require('node:path');"]


def test_failed_expectation_fails_and_sets_exit_code(refnode):
    report = DocRunner(PYNODE, node=refnode, budget=2.0).run_doc(str(DOCS / "grouped.it.md"))
    assert [r.status for r in report.results] == ["pass", "pass", "fail"]
    failed = report.results[2]
    assert [c.name for c in failed.checks if not c.ok] == ["prints '3'"]
    assert any(c.name == "same as node" and c.ok for c in failed.checks)
    cli = subprocess.run(PYNODE + ["--doc-test", str(DOCS / "grouped.it.md"), "--json"], capture_output=True, text=True)
    assert cli.returncode == 1
    data = json.loads(cli.stdout)
    assert data["ok"] is False and data["docs"][0]["passed"] == 2


def test_unseen_doc_in_node_format_with_multiline_prints_and_module_variables(refnode):
    report = DocRunner(PYNODE, node=refnode, budget=2.0).run_doc(str(DOCS / "events-like.md"))
    assert report.failed == 0 and report.passed == 8
    fragment = next(r for r in report.results if r.example == 2)
    assert fragment.bindings == ["const EventEmitter = require('node:events');", "const myEmitter = new EventEmitter();"]
    assert [c.name for c in fragment.checks][0] == "prints 'a b true'"


def test_returns_comments_under_the_expression_compare_inspected_values(refnode):
    report = DocRunner(PYNODE, node=refnode, budget=2.0).run_doc(str(DOCS / "path-like.md"))
    assert [r.status for r in report.results] == ["pass", "pass", "pass"]
    parse = report.results[2].checks[0]
    assert parse.ok and parse.name.startswith("path.parse('/home/user/dir/file.txt') returns { root: '/'")


def test_a_racy_example_passes_when_it_matches_any_run_of_node(refnode, tmp_path):
    # Each run prints the count of earlier runs modulo 3: ours see 0, 2, 4 and
    # Node 1, 3, 5, so no attempt agrees with the Node run beside it, but the
    # third of ours (4 % 3) prints what Node's first did (1 % 3).
    counter = tmp_path / "count"
    doc = tmp_path / "racy.md"
    doc.write_text(
        "# Racy\n\n## `race()`\n\n```cjs\n"
        "const fs = require('node:fs');\n"
        f"const file = {str(counter)!r};\n"
        "const n = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0;\n"
        "fs.writeFileSync(file, String(n + 1));\n"
        "console.log(`run ${n % 3}`);\n"
        "```\n")
    report = DocRunner(PYNODE, node=refnode, budget=2.0, attempts=3).run_doc(str(doc))
    [result] = report.results
    assert result.status == "pass"
    assert [c.name for c in result.checks] == ["same as node", "matched on attempt 3 of 3"]
    assert counter.read_text() == "6"
    assert result.ours.stdout == result.node.stdout == "run 1\n"


def test_a_client_gets_the_docs_server_as_its_peer_under_node_when_there_is_one(refnode):
    doc = str(DOCS / "client-server.md")
    alone = DocRunner(PYNODE, budget=2.0).run_doc(doc).results[1]
    assert (alone.peer, alone.ours.stdout, alone.status) == ("example 1 (CJS)", "hello from pynode\n", "pass")
    # Against Node, both runs talk to Node running the server: a difference
    # would be the client's alone.
    client = DocRunner(PYNODE, node=refnode, budget=2.0).run_doc(doc).results[1]
    assert client.peer == "example 1 (CJS) under node"
    assert client.ours.stdout == client.node.stdout == "hello from node\n"
    assert client.status == "pass"


def test_shell_clients_the_runner_can_play():
    parse = shell_clients.parse
    assert parse("telnet localhost 8124") == shell_clients.ShellClient("telnet", "localhost", 8124)
    assert parse("$ nc -U /tmp/echo.sock\n") == shell_clients.ShellClient("nc", "", "/tmp/echo.sock")
    assert parse("nc 127.0.0.1 7000") == shell_clients.ShellClient("nc", "127.0.0.1", 7000)
    for other in ("node example.js", "nc -l 8124", "telnet localhost", "telnet a 1\ntelnet b 2", "nc -U"):
        assert parse(other) is None, other


def _shell_doc(tmp_path: Path, port: int) -> Path:
    """A doc whose servers are tested with telnet and nc, as the net doc's are."""
    path = tmp_path / "echo.sock"
    doc = tmp_path / "shell.md"
    doc.write_text(
        "# Shell clients\n\n## A server\n\n```js\n"
        "const net = require('node:net');\n"
        "const server = net.createServer((c) => {\n"
        "  console.log('client connected');\n"
        "  c.on('data', (d) => console.log('got', JSON.stringify(String(d))));\n"
        "  c.on('end', () => console.log('client disconnected'));\n"
        "  c.write('hello\\r\\n');\n"
        "  c.pipe(c);\n"
        "});\n"
        f"server.listen({port}, () => console.log('server bound'));\n"
        "```\n\nTest it with `telnet`:\n\n```bash\n"
        f"telnet localhost {port}\n"
        "```\n\n## A Unix socket server\n\n```js\n"
        "const net = require('node:net');\n"
        "net.createServer((c) => c.end('bye\\n'))\n"
        f"  .listen({str(path)!r}, () => console.log('listening'));\n"
        "```\n\n```bash\n"
        f"nc -U {path}\n"
        "```\n\n```bash\n"
        "npm install\n"
        "```\n")
    return doc


def test_the_docs_shell_clients_talk_to_the_docs_server_under_each_runtime(refnode, tmp_path):
    report = DocRunner(PYNODE, node=refnode, budget=2.0).run_doc(str(_shell_doc(tmp_path, 47933)))
    telnet, nc, npm = (r for r in report.results if r.lang == "bash")
    assert (telnet.status, telnet.peer) == ("pass", "telnet played by the runner, to example 1 (CJS)")
    assert [c.name for c in telnet.checks] == ["telnet session", "same as node"]
    assert telnet.ours.stdout == telnet.node.stdout == (
        "server bound\nclient connected\ngot \"hello from telnet\\r\\n\"\nclient disconnected\n"
        "[telnet] received b'hello\\r\\nhello from telnet\\r\\n', then the server closed\n")
    assert nc.status == "pass"
    assert nc.ours.stdout == nc.node.stdout == "listening\n[nc] received b'bye\\n', then the server closed\n"
    assert (npm.status, npm.reason) == ("skip", "not JavaScript (bash)")


def test_a_shell_client_whose_server_never_listens_fails(tmp_path):
    doc = _shell_doc(tmp_path, 47934)
    doc.write_text(doc.read_text().replace("const server =", "throw new Error('broken');\nconst server ="))
    report = DocRunner(PYNODE, budget=1.0, attempts=1).run_doc(str(doc))
    telnet = next(r for r in report.results if r.lang == "bash")
    assert telnet.status == "fail"
    assert telnet.checks[0].name == "telnet session" and not telnet.checks[0].ok
    assert telnet.checks[0].detail == "[telnet] could not connect: the server never listened"
    assert telnet.ours.code == 1 and "Error: broken" in telnet.ours.stderr
