"""The `fs` and `fs_event_wrap` bindings: results, libuv error codes with their
context, and asynchronous requests that complete on the loop."""

from __future__ import annotations

import errno
import os

import pytest

from node_compat.bindings import fs as fs_binding
from node_compat.bindings import fs_event_wrap
from node_compat.realm import Realm


# ---- the operations themselves ------------------------------------------------------------


def test_read_file_reports_the_failing_syscall(tmp_path):
    with pytest.raises(fs_binding.FsError) as missing:
        fs_binding.op_read_file(str(tmp_path / "nope").encode(), os.O_RDONLY)
    assert missing.value.errno == errno.ENOENT and missing.value.syscall == "open"
    assert missing.value.path.endswith(b"nope")
    with pytest.raises(fs_binding.FsError) as directory:
        fs_binding.op_read_file(str(tmp_path).encode(), os.O_RDONLY)
    assert directory.value.errno == errno.EISDIR and directory.value.syscall == "read"
    (tmp_path / "f").write_bytes(b"x" * 100_000)
    assert fs_binding.op_read_file(str(tmp_path / "f").encode(), os.O_RDONLY) == b"x" * 100_000


def test_mkdir_recursive_returns_the_first_directory_created(tmp_path):
    base = str(tmp_path).encode()
    assert fs_binding.op_mkdir(base + b"/a/b/c", 0o777, True) == base + b"/a"
    assert fs_binding.op_mkdir(base + b"/a/b/c", 0o777, True) is None
    (tmp_path / "file").write_text("x")
    with pytest.raises(OSError) as under_file:
        fs_binding.op_mkdir(base + b"/file/x/y", 0o777, True)
    assert under_file.value.errno == errno.ENOTDIR
    with pytest.raises(OSError) as on_file:
        fs_binding.op_mkdir(base + b"/file", 0o777, True)
    assert on_file.value.errno == errno.EEXIST


def test_readdir_is_sorted_and_recursive_is_breadth_first(tmp_path):
    for name in ("b", "a", "C"):
        (tmp_path / name).write_text("")
    (tmp_path / "d" / "e").mkdir(parents=True)
    (tmp_path / "d" / "f").write_text("")
    base = str(tmp_path).encode()
    names, types = fs_binding.op_readdir(base, True)
    assert names == [b"C", b"a", b"b", b"d"]
    assert types == [fs_binding.UV_DIRENT_FILE] * 3 + [fs_binding.UV_DIRENT_DIR]
    assert fs_binding.op_readdir_recursive(base, False) == [[b"C", b"a", b"b", b"d", b"d/e", b"d/f"]]
    names, _types, parents = fs_binding.op_readdir_recursive(base, True)
    assert names[-2:] == [b"e", b"f"] and parents[-2:] == [b"d", b"d"] and parents[0] == b""


def test_rm_refuses_directories_unless_recursive(tmp_path):
    (tmp_path / "d" / "e").mkdir(parents=True)
    (tmp_path / "d" / "e" / "f").write_text("")
    os.symlink(tmp_path / "elsewhere", tmp_path / "d" / "link")
    target = str(tmp_path / "d").encode()
    with pytest.raises(fs_binding.FsError) as refused:
        fs_binding.op_rm(target, False, False)
    assert refused.value.errno == errno.EISDIR
    fs_binding.op_rm(target, True, False)
    assert not (tmp_path / "d").exists()
    fs_binding.op_rm(target, True, True)  # force: missing is fine
    with pytest.raises(fs_binding.FsError) as missing:
        fs_binding.op_rm(target, True, False)
    assert missing.value.errno == errno.ENOENT


def test_copy_file_modes(tmp_path):
    src = tmp_path / "s"
    src.write_text("data")
    os.chmod(src, 0o640)
    dest = tmp_path / "d"
    fs_binding.op_copy_file(bytes(src), bytes(dest), 0)
    assert dest.read_text() == "data" and (dest.stat().st_mode & 0o777) == 0o640
    with pytest.raises(fs_binding.FsError) as exists:
        fs_binding.op_copy_file(bytes(src), bytes(dest), fs_binding.COPYFILE_EXCL)
    assert exists.value.errno == errno.EEXIST and exists.value.syscall == "copyfile"


def test_stat_list_layout(tmp_path):
    (tmp_path / "f").write_text("abc")
    values = fs_binding.op_stat(str(tmp_path / "f").encode(), True)
    assert len(values) == 18
    assert values[8] == 3  # size
    assert values[10] * 1_000_000_000 + values[11] == os.stat(tmp_path / "f").st_atime_ns


def test_to_path_turns_lone_surrogates_into_replacement_characters():
    assert fs_binding.to_path("a\udc80b") == "a\ufffdb".encode()
    assert fs_binding.to_path("plain") == b"plain"


def test_timespec_splits_seconds_like_libuv():
    assert fs_binding._timespec(1.5) == 1_500_000_000
    assert fs_binding._timespec(1000) == 1_000_000_000_000


def test_inotify_events_parse():
    import struct

    packed = struct.pack("iIII", 1, fs_event_wrap.IN_CREATE, 0, 8) + b"name\0\0\0\0"
    packed += struct.pack("iIII", 1, fs_event_wrap.IN_MODIFY, 0, 0)
    events = fs_event_wrap.parse_events(packed)
    assert events == [(fs_event_wrap.IN_CREATE, b"name"), (fs_event_wrap.IN_MODIFY, b"")]
    assert [fs_event_wrap.event_type(mask) for mask, _ in events] == ["rename", "change"]


# ---- through a realm ------------------------------------------------------------------------


@pytest.fixture()
def realm():
    r = Realm(["node"])
    yield r
    r.close()


def _binding(realm, name="fs"):
    return realm._require_builtin["internalBinding"](name)


def test_sync_calls_return_results_or_negative_errnos(realm, tmp_path):
    fs = _binding(realm)
    path = str(tmp_path / "f")
    assert fs["writeFile"](path, "hello", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644) is None
    assert fs["readFileUtf8"](path, os.O_RDONLY) == "hello"
    assert fs["stat"](str(tmp_path / "missing")) == -errno.ENOENT
    assert fs["lastError"]() is None  # a plain call: the JS side names syscall and path
    assert fs["readFileUtf8"](str(tmp_path), os.O_RDONLY) == -errno.EISDIR
    assert fs["lastError"]().to_python() == ["read", None, None]
    fd = fs["open"](path, os.O_RDONLY, 0)
    assert fd >= 0 and fs["close"](fd) is None and fs["close"](fd) == -errno.EBADF


def test_async_requests_complete_in_the_poll_phase(realm, tmp_path):
    (tmp_path / "f").write_text("abc")
    seen = []
    run = realm.engine.eval(
        "(function (fs, path, missing, log) {"
        " fs.stat(path, { oncomplete: (status, st) => log(['stat', status, st[8]]) });"
        " fs.readFileUtf8(missing, 0, { oncomplete: (status, ctx) => log(['read', status, ctx[0]]) });"
        " return 'queued';"
        "})"
    )
    log = realm.engine.function(lambda v: seen.append(v.to_python()), "log", 1)
    assert run(_binding(realm), str(tmp_path / "f"), str(tmp_path / "missing"), log) == "queued"
    assert seen == [] and realm.loop.active_reqs == 2
    realm.loop.run()
    assert sorted(seen) == [["read", -errno.ENOENT, "open"], ["stat", 0, 3]]
    assert realm.loop.active_reqs == 0


def test_dir_handles_read_in_batches(realm, tmp_path):
    for name in "abcde":
        (tmp_path / name).write_text("")
    fs = _binding(realm)
    handle = fs["opendir"](str(tmp_path))
    batches = []
    while True:
        batch = fs["dirRead"](handle, 2, False)
        if batch is None:
            break
        batches.append(batch.to_python())
    assert [len(b[0]) for b in batches] == [2, 2, 1]
    assert sorted(n for b in batches for n in b[0]) == list("abcde")
    assert fs["dirClose"](handle) is None


def test_fs_event_handle_reports_changes(realm, tmp_path):
    seen = []
    start = realm.engine.eval(
        "(function (b, path, log) {"
        " const h = new b.FSEvent();"
        " h.onchange = (status, type, name) => { log([status, type, name]); h.close(); };"
        " return [h.start(path, true, false, 'utf8'), h.initialized];"
        "})"
    )
    log = realm.engine.function(lambda v: seen.append(v.to_python()), "log", 1)
    assert start(_binding(realm, "fs_event_wrap"), str(tmp_path), log).to_python() == [0, True]
    (tmp_path / "new.txt").write_text("x")
    realm.loop.run()
    assert seen[0] == [0, "rename", "new.txt"]
    missing = realm.engine.eval("(b, p) => new b.FSEvent().start(p, true, false, 'utf8')")
    assert missing(_binding(realm, "fs_event_wrap"), str(tmp_path / "nope")) == -errno.ENOENT
