"""Library lines name the frames of Node's library they stand for (modules/node_frames.py)."""

from __future__ import annotations

from pathlib import Path

from node_compat.modules import node_frames


def write_lib(tmp_path: Path, text: str) -> str:
    (tmp_path / "internal").mkdir()
    (tmp_path / "internal" / "demo.js").write_text(text)
    return str(tmp_path)


def test_notes_give_frames_hide_frames_or_leave_them(tmp_path: Path) -> None:
    lib = write_lib(tmp_path, "\n".join([
        "a(); // at Module._compile (node:internal/modules/cjs/loader:1740:14)",
        "b(); // at X.y (node:a:1:2) | (node:b:3:4)",
        "c(); // at -",
        "d(); // at node:net:1252:11",
        "e(); // at listOnTimeout (node:internal/timers:614:17) calling Timeout._onTimeout",
        "f();",
        "g(); // at Object.openSync (node:fs:563:18) | node:fs:447:35",
        "h(); // at Object.connect (node:net:239:18) calling new",
    ]))
    assert node_frames.node_frames(lib, "node:internal/demo", 1) == (
        ("Module._compile (node:internal/modules/cjs/loader:1740:14)",), None)
    assert node_frames.node_frames(lib, "node:internal/demo", 2) == (("X.y (node:a:1:2)", "node:b:3:4"), None)
    assert node_frames.node_frames(lib, "node:internal/demo", 3) == ((), None)
    assert not node_frames.is_node_location("node:net:1252:11")
    # A bare location moves the frame to Node's line; the frame keeps its name.
    assert node_frames.node_frames(lib, "node:internal/demo", 4) == ((f"{node_frames.KEEP_NAME} (node:net:1252:11)",), None)
    assert node_frames.node_frames(lib, "node:internal/demo", 5) == (
        ("listOnTimeout (node:internal/timers:614:17)",), "Timeout._onTimeout")
    assert node_frames.node_frames(lib, "node:internal/demo", 6) is None
    assert node_frames.node_frames(lib, "node:internal/demo", 7) == (
        ("Object.openSync (node:fs:563:18)", f"{node_frames.KEEP_NAME} (node:fs:447:35)"), None)
    assert node_frames.node_frames(lib, "node:internal/demo", 8) == (("Object.connect (node:net:239:18)",), "new")
    assert node_frames.is_node_location("node:a:1:2")
    assert node_frames.is_node_location("node:b:3:4")
    assert node_frames.is_node_location("node:net:1252:11")


def test_a_function_node_calls_as_a_method_is_named_as_v8_names_it() -> None:
    callee = "Timeout._onTimeout"
    assert node_frames.called_as("    at tick (/a.js:1:2)", callee) == "    at Timeout.tick [as _onTimeout] (/a.js:1:2)"
    assert node_frames.called_as("    at /a.js:1:2", callee) == "    at Timeout._onTimeout (/a.js:1:2)"
    assert node_frames.called_as("    at _onTimeout (/a.js:1:2)", callee) == "    at Timeout._onTimeout (/a.js:1:2)"
    assert node_frames.called_as("    at Socket (node:net:385:5)", "new") == "    at new Socket (node:net:385:5)"
    # A library function moved to Node's line takes its receiver; Node's own frames are named already.
    assert node_frames.called_as("    at Duplex (node:internal/streams/duplex:86:25)", "Socket", library=True) == (
        "    at Socket.Duplex (node:internal/streams/duplex:86:25)")
    assert node_frames.called_as("    at emit (node:events:513:28)", "Socket") == "    at emit (node:events:513:28)"


def test_a_library_function_on_a_prototype_or_in_a_class_is_named_as_its_method(tmp_path: Path) -> None:
    (tmp_path / "internal").mkdir()
    (tmp_path / "internal" / "methods.js").write_text("\n".join([
        "Socket.prototype.send = function(data) {",
        "  check(data); // at node:dgram:651:13",
        "};",
        "class Address {",
        "  constructor(options) {",
        "    check(options);",
        "  }",
        "  parse(text) {",
        "    check(text);",
        "  }",
        "}",
        "function helper() {",
        "  check();",
        "}",
    ]))
    lib = str(tmp_path)
    assert node_frames.method_name(lib, "node:internal/methods", 2) == "Socket.send"
    assert node_frames.method_name(lib, "node:internal/methods", 6) == "new Address"
    assert node_frames.method_name(lib, "node:internal/methods", 9) == "Address.parse"
    assert node_frames.method_name(lib, "node:internal/methods", 13) is None


def test_notes_may_name_receivers_known_only_when_the_error_is_made(tmp_path: Path) -> None:
    # (Notes are read once per module: this one has its own.)
    (tmp_path / "internal").mkdir()
    (tmp_path / "internal" / "receivers.js").write_text("\n".join([
        "h(); // at {emitter}.emit (node:events:513:28) calling {emitter}",
        "i(); // at {entry}.onconnection (node:net:2299:8)",
        "j(); // at Socket.onListening (node:dgram:288:7) calling Socket",
    ]))
    lib = str(tmp_path)
    assert node_frames.node_frames(lib, "node:internal/receivers", 1) == (
        ("{emitter}.emit (node:events:513:28)",), "{emitter}")
    assert node_frames.node_frames(lib, "node:internal/receivers", 2) == (("{entry}.onconnection (node:net:2299:8)",), None)
    assert node_frames.node_frames(lib, "node:internal/receivers", 3) == (
        ("Socket.onListening (node:dgram:288:7)",), "Socket")


def test_a_user_function_called_on_an_object_is_named_after_its_class() -> None:
    assert node_frames.with_receiver("    at /a.js:1:2", "Server") == "    at Server.<anonymous> (/a.js:1:2)"
    assert node_frames.with_receiver("    at onData (/a.js:1:2)", "Socket") == "    at Socket.onData (/a.js:1:2)"
    # V8 prefixes even a name that starts with the class's, but not one qualified by it.
    assert node_frames.with_receiver("    at FooBar (/a.js:1:2)", "Foo") == "    at Foo.FooBar (/a.js:1:2)"
    assert node_frames.with_receiver("    at Foo.bar (/a.js:1:2)", "Foo") == "    at Foo.bar (/a.js:1:2)"
    # Library frames and constructor frames keep their names.
    assert node_frames.with_receiver("    at emit (node:events:1:2)", "Foo") == "    at emit (node:events:1:2)"
    assert node_frames.with_receiver("    at new Thing (/a.js:1:2)", "Foo") == "    at new Thing (/a.js:1:2)"
    assert node_frames.called_as("    at /a.js:1:2", "Socket") == "    at Socket.<anonymous> (/a.js:1:2)"
    assert node_frames.called_as("    at Socket._onTimeout (node:net:609:8)", "Timeout._onTimeout") == (
        "    at Socket._onTimeout (node:net:609:8)")
