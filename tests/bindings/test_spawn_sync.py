"""The spawn_sync binding, driven directly with JS option objects."""

from __future__ import annotations

import errno
import signal

import pytest

from node_compat.bindings import spawn_sync
from node_compat.realm import Realm


@pytest.fixture()
def realm():
    r = Realm(["node"])
    yield r
    r.close()


def options(realm, source):
    return realm.engine.eval(f"({source})")


PIPES = "[{type: 'pipe', readable: true, writable: false}, {type: 'pipe', readable: false, writable: true}, " \
        "{type: 'pipe', readable: false, writable: true}]"


def test_output_status_and_input(realm):
    stdio = PIPES.replace("writable: false}", "writable: false, input: 'abc'}", 1)
    result = spawn_sync.spawn(options(realm, f"""{{
        file: 'sh', args: ['sh', '-c', 'cat; echo err >&2; exit 3'], envPairs: ['PATH=/usr/bin:/bin'],
        stdio: {stdio}
    }}"""))
    assert result["error"] == 0 and result["status"] == 3 and result["signal"] == 0
    assert result["output"] == [None, b"abc", b"err\n"]
    assert result["pid"] > 0


def test_missing_program_is_enoent(realm):
    result = spawn_sync.spawn(options(realm, f"{{file: 'no-such-program-x', args: ['x'], envPairs: [], stdio: {PIPES}}}"))
    assert result["error"] == -errno.ENOENT
    assert result["pid"] == 0 and result["output"] is None


def test_timeout_kills_with_the_kill_signal(realm):
    result = spawn_sync.spawn(options(realm, f"""{{
        file: 'sleep', args: ['sleep', '5'], envPairs: ['PATH=/usr/bin:/bin'], stdio: {PIPES},
        timeout: 50, killSignal: {int(signal.SIGKILL)}
    }}"""))
    assert result["error"] == -errno.ETIMEDOUT
    assert result["status"] is None and result["signal"] == signal.SIGKILL


def test_max_buffer_kills_with_enobufs(realm):
    result = spawn_sync.spawn(options(realm, f"""{{
        file: 'sh', args: ['sh', '-c', 'yes | head -c 100000; exec sleep 5'], envPairs: ['PATH=/usr/bin:/bin'],
        stdio: {PIPES}, maxBuffer: 10
    }}"""))
    assert result["error"] == -errno.ENOBUFS
    assert result["signal"] == signal.SIGTERM
    assert 10 < len(result["output"][1]) < 100000


def test_extra_descriptors_reach_their_positions(realm):
    stdio = PIPES[:-1] + ", {type: 'pipe', readable: false, writable: true}]"
    result = spawn_sync.spawn(options(realm, f"""{{
        file: 'sh', args: ['sh', '-c', 'echo three >&3; echo one'], envPairs: ['PATH=/usr/bin:/bin'],
        stdio: {stdio}
    }}"""))
    assert result["output"] == [None, b"one\n", b"", b"three\n"]


def test_ignored_stdio_and_cwd_env(realm, tmp_path):
    result = spawn_sync.spawn(options(realm, f"""{{
        file: '/bin/sh', args: ['sh', '-c', 'pwd; echo $GREETING'], envPairs: ['GREETING=hi'],
        cwd: {str(tmp_path)!r}, stdio: [{{type: 'ignore'}}, {{type: 'pipe', writable: true}}, {{type: 'ignore'}}]
    }}"""))
    assert result["output"] == [None, f"{tmp_path}\nhi\n".encode(), None]
