"""Node's `constants` binding: the numbers behind `os.constants`, `fs.constants`
and `require('constants')`.

Values come from this machine (Python's `errno`, `signal`, `os` and `stat`
modules, which read the C headers); the key lists fix which names Node
exports and in which order (`Object.keys(os.constants.errno)` is part of the
observable behaviour). A name the platform lacks is left out, as Node's
`#ifdef`s do.
"""

from __future__ import annotations

import errno
import os
import signal
import stat

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Any

_ERRNO_NAMES = (
    "E2BIG EACCES EADDRINUSE EADDRNOTAVAIL EAFNOSUPPORT EAGAIN EALREADY EBADF EBADMSG EBUSY "
    "ECANCELED ECHILD ECONNABORTED ECONNREFUSED ECONNRESET EDEADLK EDESTADDRREQ EDOM EDQUOT "
    "EEXIST EFAULT EFBIG EHOSTUNREACH EIDRM EILSEQ EINPROGRESS EINTR EINVAL EIO EISCONN EISDIR "
    "ELOOP EMFILE EMLINK EMSGSIZE EMULTIHOP ENAMETOOLONG ENETDOWN ENETRESET ENETUNREACH ENFILE "
    "ENOBUFS ENODATA ENODEV ENOENT ENOEXEC ENOLCK ENOLINK ENOMEM ENOMSG ENOPROTOOPT ENOSPC ENOSR "
    "ENOSTR ENOSYS ENOTCONN ENOTDIR ENOTEMPTY ENOTSOCK ENOTSUP ENOTTY ENXIO EOPNOTSUPP EOVERFLOW "
    "EPERM EPIPE EPROTO EPROTONOSUPPORT EPROTOTYPE ERANGE EROFS ESPIPE ESRCH ESTALE ETIME "
    "ETIMEDOUT ETXTBSY EWOULDBLOCK EXDEV"
).split()

_SIGNAL_NAMES = (
    "SIGHUP SIGINT SIGQUIT SIGILL SIGTRAP SIGABRT SIGIOT SIGBUS SIGFPE SIGKILL SIGUSR1 SIGSEGV "
    "SIGUSR2 SIGPIPE SIGALRM SIGTERM SIGCHLD SIGSTKFLT SIGCONT SIGSTOP SIGTSTP SIGBREAK SIGTTIN "
    "SIGTTOU SIGURG SIGXCPU SIGXFSZ SIGVTALRM SIGPROF SIGWINCH SIGIO SIGPOLL SIGLOST SIGPWR "
    "SIGINFO SIGSYS SIGUNUSED"
).split()

# libuv's fixed priority levels (uv.h UV_PRIORITY_*), not OS values.
_PRIORITY = {
    "PRIORITY_LOW": 19,
    "PRIORITY_BELOW_NORMAL": 10,
    "PRIORITY_NORMAL": 0,
    "PRIORITY_ABOVE_NORMAL": -7,
    "PRIORITY_HIGH": -14,
    "PRIORITY_HIGHEST": -20,
}

_DLOPEN_NAMES = ("RTLD_LAZY", "RTLD_NOW", "RTLD_GLOBAL", "RTLD_LOCAL", "RTLD_DEEPBIND")

_UV_UDP_REUSEADDR = 4  # uv.h uv_udp_flags

_O_NAMES = (
    "O_CREAT O_EXCL UV_FS_O_FILEMAP O_NOCTTY O_TRUNC O_APPEND O_DIRECTORY O_NOATIME "
    "O_NOFOLLOW O_SYNC O_DSYNC O_DIRECT O_NONBLOCK"
).split()

_MODE_NAMES = "S_IRWXU S_IRUSR S_IWUSR S_IXUSR S_IRWXG S_IRGRP S_IWGRP S_IXGRP S_IRWXO S_IROTH S_IWOTH S_IXOTH".split()

# OpenSSL 3.0's values as Node 23.5 reports them; pynode has no TLS, but
# `require('constants')` lists them.
_CRYPTO = {
    "OPENSSL_VERSION_NUMBER": 805306608,
    "SSL_OP_ALL": 2147485776,
    "SSL_OP_ALLOW_NO_DHE_KEX": 1024,
    "SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION": 262144,
    "SSL_OP_CIPHER_SERVER_PREFERENCE": 4194304,
    "SSL_OP_CISCO_ANYCONNECT": 32768,
    "SSL_OP_COOKIE_EXCHANGE": 8192,
    "SSL_OP_CRYPTOPRO_TLSEXT_BUG": 2147483648,
    "SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS": 2048,
    "SSL_OP_LEGACY_SERVER_CONNECT": 4,
    "SSL_OP_NO_COMPRESSION": 131072,
    "SSL_OP_NO_ENCRYPT_THEN_MAC": 524288,
    "SSL_OP_NO_QUERY_MTU": 4096,
    "SSL_OP_NO_RENEGOTIATION": 1073741824,
    "SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION": 65536,
    "SSL_OP_NO_SSLv2": 0,
    "SSL_OP_NO_SSLv3": 33554432,
    "SSL_OP_NO_TICKET": 16384,
    "SSL_OP_NO_TLSv1": 67108864,
    "SSL_OP_NO_TLSv1_1": 268435456,
    "SSL_OP_NO_TLSv1_2": 134217728,
    "SSL_OP_NO_TLSv1_3": 536870912,
    "SSL_OP_PRIORITIZE_CHACHA": 2097152,
    "SSL_OP_TLS_ROLLBACK_BUG": 8388608,
    "ENGINE_METHOD_RSA": 1,
    "ENGINE_METHOD_DSA": 2,
    "ENGINE_METHOD_DH": 4,
    "ENGINE_METHOD_RAND": 8,
    "ENGINE_METHOD_EC": 2048,
    "ENGINE_METHOD_CIPHERS": 64,
    "ENGINE_METHOD_DIGESTS": 128,
    "ENGINE_METHOD_PKEY_METHS": 512,
    "ENGINE_METHOD_PKEY_ASN1_METHS": 1024,
    "ENGINE_METHOD_ALL": 65535,
    "ENGINE_METHOD_NONE": 0,
    "DH_CHECK_P_NOT_SAFE_PRIME": 2,
    "DH_CHECK_P_NOT_PRIME": 1,
    "DH_UNABLE_TO_CHECK_GENERATOR": 4,
    "DH_NOT_SUITABLE_GENERATOR": 8,
    "RSA_PKCS1_PADDING": 1,
    "RSA_NO_PADDING": 3,
    "RSA_PKCS1_OAEP_PADDING": 4,
    "RSA_X931_PADDING": 5,
    "RSA_PKCS1_PSS_PADDING": 6,
    "RSA_PSS_SALTLEN_DIGEST": -1,
    "RSA_PSS_SALTLEN_MAX_SIGN": -2,
    "RSA_PSS_SALTLEN_AUTO": -2,
    "defaultCoreCipherList": (
        "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:"
        "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
        "ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:"
        "DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:"
        "ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:"
        "!MD5:!PSK:!SRP:!CAMELLIA"
    ),
    "TLS1_VERSION": 769,
    "TLS1_1_VERSION": 770,
    "TLS1_2_VERSION": 771,
    "TLS1_3_VERSION": 772,
    "POINT_CONVERSION_COMPRESSED": 2,
    "POINT_CONVERSION_UNCOMPRESSED": 4,
    "POINT_CONVERSION_HYBRID": 6,
}


def errno_constants() -> dict:
    return {name: getattr(errno, name) for name in _ERRNO_NAMES if hasattr(errno, name)}


def signal_constants() -> dict:
    return {name: int(getattr(signal, name)) for name in _SIGNAL_NAMES if hasattr(signal, name)}


def fs_constants() -> dict:
    fs = {
        "UV_FS_SYMLINK_DIR": 1,
        "UV_FS_SYMLINK_JUNCTION": 2,
        "O_RDONLY": os.O_RDONLY,
        "O_WRONLY": os.O_WRONLY,
        "O_RDWR": os.O_RDWR,
        "UV_DIRENT_UNKNOWN": 0,
        "UV_DIRENT_FILE": 1,
        "UV_DIRENT_DIR": 2,
        "UV_DIRENT_LINK": 3,
        "UV_DIRENT_FIFO": 4,
        "UV_DIRENT_SOCKET": 5,
        "UV_DIRENT_CHAR": 6,
        "UV_DIRENT_BLOCK": 7,
        "EXTENSIONLESS_FORMAT_JAVASCRIPT": 0,
        "EXTENSIONLESS_FORMAT_WASM": 1,
        "S_IFMT": stat.S_IFMT(0o177777),
        "S_IFREG": stat.S_IFREG,
        "S_IFDIR": stat.S_IFDIR,
        "S_IFCHR": stat.S_IFCHR,
        "S_IFBLK": stat.S_IFBLK,
        "S_IFIFO": stat.S_IFIFO,
        "S_IFLNK": stat.S_IFLNK,
        "S_IFSOCK": stat.S_IFSOCK,
    }
    for name in _O_NAMES:
        if name == "UV_FS_O_FILEMAP":
            fs[name] = 0  # only meaningful on Windows
        elif hasattr(os, name):
            fs[name] = getattr(os, name)
    for name in _MODE_NAMES:
        fs[name] = getattr(stat, name)
    fs.update(F_OK=os.F_OK, R_OK=os.R_OK, W_OK=os.W_OK, X_OK=os.X_OK)
    fs.update(
        UV_FS_COPYFILE_EXCL=1,
        COPYFILE_EXCL=1,
        UV_FS_COPYFILE_FICLONE=2,
        COPYFILE_FICLONE=2,
        UV_FS_COPYFILE_FICLONE_FORCE=4,
        COPYFILE_FICLONE_FORCE=4,
    )
    return fs


def os_constants() -> dict:
    return {
        "UV_UDP_REUSEADDR": _UV_UDP_REUSEADDR,
        "dlopen": {name: getattr(os, name) for name in _DLOPEN_NAMES if hasattr(os, name)},
        "errno": errno_constants(),
        "signals": signal_constants(),
        "priority": dict(_PRIORITY),
    }


# Node's binding objects have no prototype: `os.constants.signals.toString` is undefined.
_NULL_PROTOTYPE = """(function nullPrototype(table) {
  const out = { __proto__: null };
  for (const key of Object.keys(table)) {
    const value = table[key];
    out[key] = value !== null && typeof value === 'object' ? nullPrototype(value) : value;
  }
  return out;
})"""


def create(realm: Any) -> dict:
    null_prototype = realm.engine.eval(_NULL_PROTOTYPE, "node:internal/constants")
    return {
        "os": null_prototype(os_constants()),
        "fs": null_prototype(fs_constants()),
        "crypto": null_prototype(_CRYPTO),
    }
