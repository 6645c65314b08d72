"""Node's `fs` binding: file system calls over Python's `os` module.

Every call takes its arguments then `req`. Without a request object it runs
at once and returns its result, or a negative libuv errno on failure (the
JS side builds the error; `lastError()` names the failing syscall and paths
of composite calls such as readFile). With a request object it runs on the
loop's thread pool, as libuv's fs requests do, and the loop thread calls
`req.oncomplete(status, result)` in the poll phase; on failure `result` is
`[syscall, path, dest]` for composite calls, or null.

Paths travel as UTF-8 bytes, so names that are not valid UTF-8 survive a
round trip through Buffers; results come back as strings (UTF-8, invalid
sequences replaced) or, when `asBuffer` is set, as bytes.
"""

from __future__ import annotations

import errno
import os
import stat as stat_module

from jsbridge import JSValue, Undefined, as_text

from . import uv

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

_STAT_FIELDS = 18  # dev mode nlink uid gid rdev blksize ino size blocks, then 4 x (sec, nsec)

UV_DIRENT_UNKNOWN = 0
UV_DIRENT_FILE = 1
UV_DIRENT_DIR = 2
UV_DIRENT_LINK = 3
UV_DIRENT_FIFO = 4
UV_DIRENT_SOCKET = 5
UV_DIRENT_CHAR = 6
UV_DIRENT_BLOCK = 7

COPYFILE_EXCL = 1
COPYFILE_FICLONE_FORCE = 4


class FsError(OSError):
    """An OSError that also says which call of a composite operation failed, and on what."""

    def __init__(self, exc: OSError, syscall: str, path: Optional[bytes] = None, dest: Optional[bytes] = None):
        super().__init__(exc.errno, exc.strerror)
        self.syscall = syscall
        self.path = path
        self.dest = dest


def _err(code: int) -> OSError:
    return OSError(code, os.strerror(code))


# ---- argument and result conversion (on the loop thread) ------------------------------


def to_path(value: Any) -> bytes:
    """A JS path (string or Buffer) as bytes; lone surrogates become U+FFFD as in Buffer.from()."""
    if type(value) is str:
        text = value
    elif isinstance(value, JSValue) and not value.is_string:
        return value.to_bytes()
    else:
        text = as_text(value)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace").encode("utf-8")


def to_data(value: Any) -> bytes:
    if type(value) is str:
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, JSValue) and value.is_string:
        return as_text(value).encode("utf-8", "surrogatepass")
    return value.to_bytes()


def decode_name(name: bytes) -> str:
    return name.decode("utf-8", "replace")


def _opt_int(value: Any) -> Optional[int]:
    """A position/offset argument: None for "current position" (null, undefined, -1)."""
    if value is None or value is Undefined:
        return None
    value = int(value)
    return None if value < 0 else value


# ---- the operations (run on any thread; raise OSError) ---------------------------------


def stat_list(st: os.stat_result) -> list:
    return [
        st.st_dev, st.st_mode, st.st_nlink, st.st_uid, st.st_gid, st.st_rdev,
        st.st_blksize, st.st_ino, st.st_size, st.st_blocks,
        *divmod(st.st_atime_ns, 1_000_000_000),
        *divmod(st.st_mtime_ns, 1_000_000_000),
        *divmod(st.st_ctime_ns, 1_000_000_000),
        0, 0,  # birth time: not available through os.stat on Linux
    ]


def op_stat(path: bytes, follow: bool) -> list:
    return stat_list(os.stat(path, follow_symlinks=follow))


def op_fstat(fd: int) -> list:
    return stat_list(os.fstat(fd))


def op_read(fd: int, length: int, position: Optional[int]) -> bytes:
    if position is None:
        return os.read(fd, length)
    return os.pread(fd, length, position)


def op_write(fd: int, data: bytes, position: Optional[int]) -> int:
    if position is None:
        return os.write(fd, data)
    return os.pwrite(fd, data, position)


def op_writev(fd: int, chunks: list, position: Optional[int]) -> int:
    if position is None:
        return os.writev(fd, chunks)
    return os.pwritev(fd, chunks, position)


def op_readv(fd: int, sizes: list, position: Optional[int]) -> list:
    buffers = [bytearray(n) for n in sizes]
    if position is None:
        total = os.readv(fd, buffers)
    else:
        total = os.preadv(fd, buffers, position)
    out = []
    for buf in buffers:
        take = min(total, len(buf))
        out.append(bytes(buf[:take]))
        total -= take
    return out


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 16 if not chunks else 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def op_read_file(target: Any, flags: int) -> bytes:
    """The whole content of a path (opened with `flags`) or of an open fd (an int)."""
    if isinstance(target, int):
        try:
            return _read_all(target)
        except OSError as exc:
            raise FsError(exc, "read") from None
    try:
        fd = os.open(target, flags | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        raise FsError(exc, "open", target) from None
    try:
        try:
            st = os.fstat(fd)
            size = st.st_size
            if size > 0 and stat_module.S_ISREG(st.st_mode):
                data = os.read(fd, size)
                if len(data) < size:
                    return data + _read_all(fd)
                rest = _read_all(fd)
                return data + rest if rest else data
            return _read_all(fd)
        except OSError as exc:
            raise FsError(exc, "read") from None
    finally:
        os.close(fd)


def op_write_file(target: Any, data: bytes, flags: int, mode: int) -> None:
    if isinstance(target, int):
        fd = target
    else:
        try:
            fd = os.open(target, flags | os.O_CLOEXEC, mode)
        except OSError as exc:
            raise FsError(exc, "open", target) from None
    try:
        view = memoryview(data)
        while view:
            try:
                n = os.write(fd, view)
            except OSError as exc:
                raise FsError(exc, "write") from None
            view = view[n:]
    finally:
        if not isinstance(target, int):
            os.close(fd)


def op_mkdir(path: bytes, mode: int, recursive: bool) -> Any:
    if not recursive:
        os.mkdir(path, mode)
        return None
    # Returns the first directory created, or None when all existed.
    missing = []
    current = os.path.abspath(path)
    while True:
        try:
            st = os.stat(current)
        except FileNotFoundError:
            missing.append(current)
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
            continue
        except NotADirectoryError:
            raise FsError(_err(errno.ENOTDIR), "mkdir", path) from None
        if not stat_module.S_ISDIR(st.st_mode):
            raise FsError(_err(errno.EEXIST if current == os.path.abspath(path) else errno.ENOTDIR), "mkdir", path)
        break
    first = None
    for directory in reversed(missing):
        try:
            os.mkdir(directory, mode)
        except FileExistsError:
            if not os.path.isdir(directory):
                raise FsError(_err(errno.EEXIST), "mkdir", path) from None
            continue
        except OSError as exc:
            raise FsError(exc, "mkdir", path) from None
        if first is None:
            first = directory
    return first


def op_mkdtemp(prefix: bytes) -> bytes:
    """mkdtemp(3): `prefix` plus six random characters, created with mode 0700."""
    for _ in range(100):
        candidate = prefix + _random_suffix()
        try:
            os.mkdir(candidate, 0o700)
            return candidate
        except FileExistsError:
            continue
    raise _err(errno.EEXIST)


_SUFFIX_CHARS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _random_suffix() -> bytes:
    raw = os.urandom(6)
    return bytes(_SUFFIX_CHARS[b % len(_SUFFIX_CHARS)] for b in raw)


def _dirent_type(entry: os.DirEntry) -> int:
    try:
        if entry.is_symlink():
            return UV_DIRENT_LINK
        if entry.is_dir(follow_symlinks=False):
            return UV_DIRENT_DIR
        if entry.is_file(follow_symlinks=False):
            return UV_DIRENT_FILE
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError:
        return UV_DIRENT_UNKNOWN
    if stat_module.S_ISFIFO(mode):
        return UV_DIRENT_FIFO
    if stat_module.S_ISSOCK(mode):
        return UV_DIRENT_SOCKET
    if stat_module.S_ISCHR(mode):
        return UV_DIRENT_CHAR
    if stat_module.S_ISBLK(mode):
        return UV_DIRENT_BLOCK
    return UV_DIRENT_UNKNOWN


def _scandir_sorted(path: bytes) -> list:
    """A directory's entries in strcmp() order of their names, as libuv's scandir returns them."""
    with os.scandir(path) as it:
        entries = list(it)
    entries.sort(key=lambda e: e.name)
    return entries


def op_readdir(path: bytes, with_types: bool) -> list:
    entries = _scandir_sorted(path)
    if with_types:
        return [[e.name for e in entries], [_dirent_type(e) for e in entries]]
    return [[e.name for e in entries]]


def op_readdir_recursive(path: bytes, with_types: bool) -> list:
    """Everything below `path`, directory by directory in breadth-first order as Node lists it.

    Names are relative to `path`; with types, each entry also has its parent
    directory relative to `path` (b"" for `path` itself). Without types Node
    follows symlinks to directories, with types it does not.
    """
    names: list = []
    types: list = []
    parents: list = []
    queue = [b""]
    for rel in queue:
        full = os.path.join(path, rel) if rel else path
        try:
            entries = _scandir_sorted(full)
        except OSError as exc:
            if rel == b"":
                raise
            raise FsError(exc, "scandir", full) from None
        for entry in entries:
            name = os.path.join(rel, entry.name) if rel else entry.name
            kind = _dirent_type(entry)
            if with_types:
                names.append(entry.name)
                types.append(kind)
                parents.append(rel)
                descend = kind == UV_DIRENT_DIR
            else:
                names.append(name)
                descend = kind == UV_DIRENT_DIR or (kind == UV_DIRENT_LINK and os.path.isdir(os.path.join(path, name)))
            if descend:
                queue.append(name)
    return [names, types, parents] if with_types else [names]


def op_rm(path: bytes, recursive: bool, force: bool) -> None:
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        if force:
            return
        raise FsError(_err(errno.ENOENT), "rm", path) from None
    except OSError as exc:
        raise FsError(exc, "rm", path) from None
    if stat_module.S_ISDIR(st.st_mode):
        if not recursive:
            raise FsError(_err(errno.EISDIR), "rm", path)
        _remove_tree(path)
    else:
        try:
            os.unlink(path)
        except OSError as exc:
            raise FsError(exc, "rm", path) from None


def _remove_tree(path: bytes) -> None:
    """Remove a directory and everything below it (symlinks are removed, not followed)."""
    try:
        with os.scandir(path) as it:
            entries = list(it)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise FsError(exc, "rm", path) from None
    for entry in entries:
        child = os.path.join(path, entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            _remove_tree(child)
            continue
        try:
            os.unlink(child)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise FsError(exc, "rm", child) from None
    try:
        os.rmdir(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise FsError(exc, "rm", path) from None


def op_copy_file(src: bytes, dest: bytes, mode: int) -> None:
    if mode & COPYFILE_FICLONE_FORCE:
        raise FsError(_err(errno.ENOSYS), "copyfile", src, dest)
    try:
        fin = os.open(src, os.O_RDONLY | os.O_CLOEXEC)
    except OSError as exc:
        raise FsError(exc, "copyfile", src, dest) from None
    try:
        st = os.fstat(fin)
        if stat_module.S_ISDIR(st.st_mode):
            raise FsError(_err(errno.EISDIR), "copyfile", src, dest)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC
        if mode & COPYFILE_EXCL:
            flags |= os.O_EXCL
        try:
            fout = os.open(dest, flags, st.st_mode & 0o7777)
        except OSError as exc:
            raise FsError(exc, "copyfile", src, dest) from None
        try:
            os.fchmod(fout, st.st_mode & 0o7777)
            while True:
                chunk = os.read(fin, 1 << 20)
                if not chunk:
                    break
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fout, view):]
        except OSError as exc:
            raise FsError(exc, "copyfile", src, dest) from None
        finally:
            os.close(fout)
    finally:
        os.close(fin)


def op_realpath(path: bytes) -> bytes:
    resolved = os.path.realpath(path, strict=True)
    return resolved


def _timespec(value: Any) -> int:
    """Seconds (float) to nanoseconds, as libuv splits a double into tv_sec/tv_nsec."""
    seconds = float(value)
    whole = int(seconds // 1)
    return whole * 1_000_000_000 + int((seconds - whole) * 1e9)


def op_utimes(path: bytes, atime: float, mtime: float, follow: bool) -> None:
    os.utime(path, ns=(_timespec(atime), _timespec(mtime)), follow_symlinks=follow)


def op_futimes(fd: int, atime: float, mtime: float) -> None:
    os.utime(fd, ns=(_timespec(atime), _timespec(mtime)))


def op_statfs(path: bytes) -> list:
    st = os.statvfs(path)
    fs_type = _fs_type(path)
    return [fs_type, st.f_bsize, st.f_blocks, st.f_bfree, st.f_bavail, st.f_files, st.f_ffree]


def _fs_type(path: bytes) -> int:
    """statfs(2)'s f_type, which os.statvfs does not give: read through libc."""
    import ctypes
    import ctypes.util

    class StatFs(ctypes.Structure):
        _fields_ = [("f_type", ctypes.c_long), ("rest", ctypes.c_byte * 112)]

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    buf = StatFs()
    if libc.statfs(path, ctypes.byref(buf)) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))
    return buf.f_type


def op_access(path: bytes, mode: int) -> None:
    if not os.access(path, mode):
        # os.access hides the reason: ask the OS again for the errno.
        try:
            os.stat(path)
        except OSError:
            raise
        raise _err(errno.EACCES)


def op_exists(path: bytes) -> bool:
    return os.access(path, os.F_OK)


# ---- the binding ---------------------------------------------------------------------------


def create(realm: Any) -> dict:
    loop = realm.loop
    last_error: list = [None]

    def fail(exc: OSError) -> int:
        if isinstance(exc, FsError):
            last_error[0] = [exc.syscall, exc.path, exc.dest]
        else:
            last_error[0] = None
        return uv.code_of(exc)

    def run(work: Callable[[], Any], req: Any, convert: Optional[Callable[[Any], Any]] = None) -> Any:
        if req is Undefined or req is None:
            try:
                result = work()
            except OSError as exc:
                return fail(exc)
            return convert(result) if convert is not None else result
        if realm.exiting:
            return 0
        async_id = realm.new_async_id()  # the request's (Node's FSReqCallback takes one)

        def done(result: Any, error: Optional[BaseException]) -> None:
            if realm.exiting:
                return
            if error is not None:
                if not isinstance(error, OSError):
                    raise error
                context = [error.syscall, error.path, error.dest] if isinstance(error, FsError) else None
                realm.make_callback(req, "oncomplete", uv.code_of(error), context, async_id=async_id)
            else:
                realm.make_callback(req, "oncomplete", 0, convert(result) if convert is not None else result,
                                   async_id=async_id)

        loop.run_in_thread(work, done)
        return 0

    def names_out(as_buffer: bool) -> Callable[[Any], Any]:
        if as_buffer:
            return lambda value: value
        return lambda value: decode_name(value) if isinstance(value, bytes) else value

    def dir_out(as_buffer: bool) -> Callable[[list], list]:
        def convert(result: list) -> list:
            names = result[0] if as_buffer else [decode_name(n) for n in result[0]]
            out = [names] + result[1:2]
            if len(result) > 2:
                out.append(result[2] if as_buffer else [decode_name(p) for p in result[2]])
            return out

        return convert

    # -- the JS-facing functions: arguments converted here, work run by `run` -----

    def open_(path, flags, mode, req=Undefined):
        p = to_path(path)
        return run(lambda: os.open(p, int(flags) | os.O_CLOEXEC, int(mode)), req)

    def close(fd, req=Undefined):
        return run(lambda: os.close(int(fd)), req)

    def read(fd, length, position, req=Undefined):
        fd, length, pos = int(fd), int(length), _opt_int(position)
        return run(lambda: op_read(fd, length, pos), req)

    def readv(fd, sizes, position, req=Undefined):
        fd, sizes, pos = int(fd), [int(n) for n in sizes.to_python()], _opt_int(position)
        return run(lambda: op_readv(fd, sizes, pos), req)

    def write(fd, data, position, req=Undefined):
        fd, payload, pos = int(fd), to_data(data), _opt_int(position)
        return run(lambda: op_write(fd, payload, pos), req)

    def writev(fd, chunks, position, req=Undefined):
        fd, pos = int(fd), _opt_int(position)
        payload = [to_data(chunks[i]) for i in range(int(chunks["length"]))]
        return run(lambda: op_writev(fd, payload, pos), req)

    def stat(path, req=Undefined):
        p = to_path(path)
        return run(lambda: op_stat(p, True), req)

    def lstat(path, req=Undefined):
        p = to_path(path)
        return run(lambda: op_stat(p, False), req)

    def fstat(fd, req=Undefined):
        fd = int(fd)
        return run(lambda: op_fstat(fd), req)

    def read_file(target, flags, req=Undefined):
        t = int(target) if isinstance(target, (int, float)) else to_path(target)
        return run(lambda: op_read_file(t, int(flags)), req)

    def read_file_utf8(target, flags, req=Undefined):
        t = int(target) if isinstance(target, (int, float)) else to_path(target)
        return run(lambda: op_read_file(t, int(flags)), req, lambda data: data.decode("utf-8", "replace"))

    def write_file(target, data, flags, mode, req=Undefined):
        t = int(target) if isinstance(target, (int, float)) else to_path(target)
        payload = to_data(data)
        return run(lambda: op_write_file(t, payload, int(flags), int(mode)), req)

    def mkdir(path, mode, recursive, req=Undefined):
        p = to_path(path)
        return run(lambda: op_mkdir(p, int(mode), bool(recursive)), req, names_out(False))

    def mkdtemp(prefix, as_buffer, req=Undefined):
        p = to_path(prefix)
        return run(lambda: op_mkdtemp(p), req, names_out(bool(as_buffer)))

    def readdir(path, with_types, recursive, as_buffer, req=Undefined):
        p = to_path(path)
        fn = op_readdir_recursive if recursive else op_readdir
        return run(lambda: fn(p, bool(with_types)), req, dir_out(bool(as_buffer)))

    def rmdir(path, req=Undefined):
        p = to_path(path)
        return run(lambda: os.rmdir(p), req)

    def rm(path, recursive, force, req=Undefined):
        p = to_path(path)
        return run(lambda: op_rm(p, bool(recursive), bool(force)), req)

    def unlink(path, req=Undefined):
        p = to_path(path)
        return run(lambda: os.unlink(p), req)

    def rename(old, new, req=Undefined):
        a, b = to_path(old), to_path(new)
        return run(lambda: os.rename(a, b), req)

    def copy_file(src, dest, mode, req=Undefined):
        a, b = to_path(src), to_path(dest)
        return run(lambda: op_copy_file(a, b, int(mode)), req)

    def link(existing, new, req=Undefined):
        a, b = to_path(existing), to_path(new)
        return run(lambda: os.link(a, b), req)

    def symlink(target, path, req=Undefined):
        a, b = to_path(target), to_path(path)
        return run(lambda: os.symlink(a, b), req)

    def readlink(path, as_buffer, req=Undefined):
        p = to_path(path)
        return run(lambda: os.readlink(p), req, names_out(bool(as_buffer)))

    def realpath(path, as_buffer, req=Undefined):
        p = to_path(path)
        return run(lambda: op_realpath(p), req, names_out(bool(as_buffer)))

    def access(path, mode, req=Undefined):
        p = to_path(path)
        return run(lambda: op_access(p, int(mode)), req)

    def exists(path):
        try:
            return op_exists(to_path(path))
        except (OSError, ValueError):
            return False

    def chmod(path, mode, req=Undefined):
        p = to_path(path)
        return run(lambda: os.chmod(p, int(mode)), req)

    def fchmod(fd, mode, req=Undefined):
        return run(lambda: os.fchmod(int(fd), int(mode)), req)

    def chown(path, uid, gid, req=Undefined):
        p = to_path(path)
        return run(lambda: os.chown(p, int(uid), int(gid)), req)

    def lchown(path, uid, gid, req=Undefined):
        p = to_path(path)
        return run(lambda: os.lchown(p, int(uid), int(gid)), req)

    def fchown(fd, uid, gid, req=Undefined):
        return run(lambda: os.fchown(int(fd), int(uid), int(gid)), req)

    def truncate(path, length, req=Undefined):
        p = to_path(path)
        return run(lambda: os.truncate(p, int(length)), req)

    def ftruncate(fd, length, req=Undefined):
        return run(lambda: os.ftruncate(int(fd), int(length)), req)

    def utimes(path, atime, mtime, req=Undefined):
        p = to_path(path)
        return run(lambda: op_utimes(p, atime, mtime, True), req)

    def lutimes(path, atime, mtime, req=Undefined):
        p = to_path(path)
        return run(lambda: op_utimes(p, atime, mtime, False), req)

    def futimes(fd, atime, mtime, req=Undefined):
        return run(lambda: op_futimes(int(fd), atime, mtime), req)

    def fsync(fd, req=Undefined):
        return run(lambda: os.fsync(int(fd)), req)

    def fdatasync(fd, req=Undefined):
        return run(lambda: os.fdatasync(int(fd)), req)

    def statfs(path, req=Undefined):
        p = to_path(path)
        return run(lambda: op_statfs(p), req)

    # fs.Dir: open directory streams, by id (os.scandir iterators in OS order).
    directories: dict = {}
    next_dir_id = [0]

    def open_directory(p: bytes) -> int:
        it = os.scandir(p)
        next_dir_id[0] += 1
        directories[next_dir_id[0]] = it
        return next_dir_id[0]

    def read_directory(dir_id: int, count: int) -> Any:
        it = directories[dir_id]
        names, types = [], []
        for entry in it:
            names.append(entry.name)
            types.append(_dirent_type(entry))
            if len(names) >= count:
                break
        return [names, types] if names else None

    def close_directory(dir_id: int) -> None:
        directories.pop(dir_id).close()

    def opendir(path, req=Undefined):
        p = to_path(path)
        return run(lambda: open_directory(p), req)

    def dir_read(dir_id, count, as_buffer, req=Undefined):
        dir_id, count = int(dir_id), int(count)
        return run(lambda: read_directory(dir_id, count), req,
                   None if as_buffer else (lambda r: r if r is None else [[decode_name(n) for n in r[0]], r[1]]))

    def dir_close(dir_id, req=Undefined):
        dir_id = int(dir_id)
        return run(lambda: close_directory(dir_id), req)

    def take_last_error():
        context, last_error[0] = last_error[0], None
        return context

    functions = {
        "open": open_,
        "close": close,
        "read": read,
        "readv": readv,
        "write": write,
        "writev": writev,
        "stat": stat,
        "lstat": lstat,
        "fstat": fstat,
        "readFile": read_file,
        "readFileUtf8": read_file_utf8,
        "writeFile": write_file,
        "mkdir": mkdir,
        "mkdtemp": mkdtemp,
        "readdir": readdir,
        "rmdir": rmdir,
        "rm": rm,
        "unlink": unlink,
        "rename": rename,
        "copyFile": copy_file,
        "link": link,
        "symlink": symlink,
        "readlink": readlink,
        "realpath": realpath,
        "access": access,
        "exists": exists,
        "chmod": chmod,
        "fchmod": fchmod,
        "chown": chown,
        "lchown": lchown,
        "fchown": fchown,
        "truncate": truncate,
        "ftruncate": ftruncate,
        "utimes": utimes,
        "lutimes": lutimes,
        "futimes": futimes,
        "fsync": fsync,
        "fdatasync": fdatasync,
        "statfs": statfs,
        "opendir": opendir,
        "dirRead": dir_read,
        "dirClose": dir_close,
        "lastError": take_last_error,
    }
    engine = realm.engine
    return {name: engine.function(fn, name, 0) for name, fn in functions.items()}
