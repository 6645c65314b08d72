"""The `pynode` command line, shaped like `node`'s."""

from __future__ import annotations

import os
import re
import signal
import sys

from . import launcher
from .bindings import signal_wrap
from .realm import NODE_VERSION, Realm

TYPE_CHECKING = False  # True for type checkers; pynode never imports typing (README: Memory)
if TYPE_CHECKING:
    from typing import Optional

USAGE = """Usage: pynode [options] [ script.js ] [arguments]
       pynode -e "script" [arguments]

Options:
  -                          script read from stdin (default if no file name is provided)
  -e, --eval script          evaluate script
  -p, --print script         evaluate script and print result
  -r, --require module       module to preload (option can be repeated)
  --input-type=type          set module type for string input (commonjs, module)
  --no-warnings              print no warning (listeners still get them)
  --no-deprecation           drop every DeprecationWarning
  --throw-deprecation        make a DeprecationWarning an uncaught error
  --trace-deprecation        print DeprecationWarnings with their stack
  --trace-warnings           print every warning with its stack
  --pending-deprecation      also warn of the deprecations Node has pending
  --trace-uncaught           list where an uncaught value was thrown
  --unhandled-rejections=M   M: throw (default), strict, warn, none or
                             warn-with-error-code
  --stack-trace-limit=N      Error.stackTraceLimit at start-up
  --expose-gc                a global gc() collecting the whole heap
  --doc-test FILE...         run every example of Node API docs and report
    [--against-node PATH]    also run each under a real Node and compare
    [--json] [--budget S]    JSON report; seconds each example may run
  -h, --help                 print this help
  -v, --version              print the Node.js version this runtime implements
"""


# mallopt's parameter for the largest request served from fastbins (malloc.h).
M_MXFAST = 1


class UsageError(Exception):
    """A bad command line: `message` follows the program's name; `preamble` lines come before it."""

    def __init__(self, message: str, preamble: str = "") -> None:
        super().__init__(message)
        self.preamble = preamble


# Options that turn something on or, as --no-NAME, off (the last one given
# wins). The library reads them from process.execArgv (internal/options).
BOOLEAN_OPTIONS = frozenset((
    "warnings", "deprecation", "trace-warnings", "trace-deprecation", "throw-deprecation", "pending-deprecation",
    "trace-uncaught", "expose-gc", "enable-source-maps", "experimental-require-module",
    "experimental-detect-module",
))
V8_BOOLEAN_OPTIONS = frozenset(("expose-gc",))
# Options with a value: --NAME=VALUE (or, for Node's own options, --NAME VALUE).
VALUE_OPTIONS = frozenset(("unhandled-rejections", "stack-trace-limit"))
SEPARATE_VALUE_OPTIONS = frozenset(("unhandled-rejections",))
UNHANDLED_REJECTIONS_MODES = ("strict", "warn", "throw", "none", "warn-with-error-code")


def option_name(arg: str) -> str:
    """`--no-trace_warnings=x` -> `trace-warnings`: the name an option is known by (V8's take `_` for `-`)."""
    name = arg[2:].split("=", 1)[0].replace("_", "-")
    return name[3:] if name.startswith("no-") else name


def check_option_value(arg: str, name: str, value: Optional[str]) -> None:
    if value == "":
        raise UsageError(f"{arg} requires an argument")
    if name == "unhandled-rejections":
        if value not in UNHANDLED_REJECTIONS_MODES:
            raise UsageError(f"invalid value for --{name}")
        return
    # A V8 flag: a decimal integer, given as --NAME=VALUE. (Node also
    # reports an option of its own it passed V8 as bad.)
    if value is None or not re.fullmatch(r"\s*[-+]?[0-9]+", value):
        raise UsageError(f"bad option: {arg}\nbad option: --harmony-import-attributes",
                         f"Error: illegal value for flag {arg} of type int\nTry --help for options\n")


def split_node_options(value: str) -> list[str]:
    """NODE_OPTIONS as Node splits it: on spaces, but not inside double quotes,
    where a backslash takes the next character as it is."""
    words: list[str] = []
    quoted = False
    new_word = True
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\" and quoted:
            if i + 1 == len(value):
                raise UsageError("invalid value for NODE_OPTIONS (invalid escape)\n")
            i += 1
            c = value[i]
        elif c == " " and not quoted:
            new_word = True
            i += 1
            continue
        elif c == '"':
            quoted = not quoted
            i += 1
            continue
        if new_word:
            words.append(c)
            new_word = False
        else:
            words[-1] += c
        i += 1
    if quoted:
        raise UsageError("invalid value for NODE_OPTIONS (unterminated string)\n")
    return words


# What NODE_OPTIONS may not hold (Node's rule: what runs code or ends at once).
NOT_IN_NODE_OPTIONS = ("-e", "--eval", "-p", "--print", "-pe", "-h", "--help", "-v", "--version")


def not_allowed_name(arg: str) -> str:
    """How Node names an option refused in NODE_OPTIONS: a value given with `=` is left out."""
    return arg.split("=", 1)[0] + "=" if "=" in arg else arg


def parse(argv: list[str], from_env: bool = False) -> dict:
    """The command line's options, or with `from_env`, NODE_OPTIONS' (which
    hold options only: other words are passed over)."""
    opts: dict = {"eval": None, "print": False, "requires": [], "input_type": None, "script": None, "args": [], "exec_argv": []}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if from_env and (not arg.startswith("-") or arg in ("-", "--")):
            i += 1
            continue
        if arg == "--":
            i += 1
            break
        if not arg.startswith("-") or arg == "-":
            break
        if from_env and (arg in NOT_IN_NODE_OPTIONS or arg.startswith(("--eval=", "--print="))):
            raise UsageError(f"{not_allowed_name(arg)} is not allowed in NODE_OPTIONS")
        opts["exec_argv"].append(arg)
        if arg in ("-h", "--help"):
            opts["help"] = True
        elif arg in ("-v", "--version"):
            opts["version"] = True
        elif arg in ("-e", "--eval", "-p", "--print", "-pe"):
            if arg in ("-p", "--print", "-pe"):
                opts["print"] = True
            if i + 1 >= len(argv):
                raise UsageError(f"{arg} requires an argument")
            i += 1
            opts["eval"] = argv[i]
            opts["exec_argv"].append(argv[i])
        elif arg.startswith(("--eval=", "--print=")):
            opts["print"] = arg.startswith("--print=")
            opts["eval"] = arg.split("=", 1)[1]
        elif arg in ("-r", "--require"):
            if i + 1 >= len(argv):
                raise UsageError(f"{arg} requires an argument")
            i += 1
            opts["requires"].append(argv[i])
            opts["exec_argv"].append(argv[i])
        elif arg.startswith("--require="):
            opts["requires"].append(arg.split("=", 1)[1])
        elif arg.startswith("--input-type="):
            value = arg.split("=", 1)[1]
            if value not in ("commonjs", "module"):
                raise UsageError("--input-type must be \"module\" or \"commonjs\"")
            opts["input_type"] = value
        elif arg.startswith("--") and option_name(arg) in BOOLEAN_OPTIONS:
            # Read by the library (internal/options) from process.execArgv.
            if option_name(arg) in V8_BOOLEAN_OPTIONS and "=" in arg:
                raise UsageError(f"bad option: {arg}\nbad option: --harmony-import-attributes",
                                 f"Error: illegal value for flag {arg} of type bool\n"
                                 "To set or unset a boolean flag, use --flag or --no-flag.\nTry --help for options\n")
        elif arg.startswith("--") and option_name(arg) in VALUE_OPTIONS:
            name = option_name(arg)
            if arg.startswith(("--no-", "--no_")):
                raise UsageError(f"{arg} is an invalid negation because it is not a boolean option")
            if "=" in arg:
                value = arg.split("=", 1)[1]
            elif i + 1 >= len(argv) or argv[i + 1].startswith("-"):
                raise UsageError(f"{arg} requires an argument")
            elif name in SEPARATE_VALUE_OPTIONS:
                i += 1
                value = argv[i]
                opts["exec_argv"].append(value)
            else:
                value = None
            check_option_value(arg, name, value)
        elif from_env:
            raise UsageError(f"{not_allowed_name(arg)} is not allowed in NODE_OPTIONS")
        else:
            raise UsageError(f"bad option: {arg}")
        i += 1
    rest = argv[i:]
    if opts["eval"] is None and rest:
        opts["script"] = rest[0]
        opts["args"] = rest[1:]
    else:
        opts["args"] = rest
    return opts


def doc_test(argv: list[str]) -> int:
    paths, node, as_json, budget = [], None, False, 3.0
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--against-node" and i + 1 < len(argv):
            node = argv[i + 1]
            i += 1
        elif arg.startswith("--against-node="):
            node = arg.split("=", 1)[1]
        elif arg == "--json":
            as_json = True
        elif arg == "--budget" and i + 1 < len(argv):
            budget = float(argv[i + 1])
            i += 1
        elif arg.startswith("--budget="):
            budget = float(arg.split("=", 1)[1])
        else:
            paths.append(arg)
        i += 1
    if not paths:
        sys.stderr.write("pynode: --doc-test needs at least one doc file\n")
        return 9
    from .doctest import main as run_docs

    return run_docs(paths, node, as_json, budget)


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--doc-test":
        return doc_test(argv[1:])
    try:
        env_opts = parse(split_node_options(os.environ.get("NODE_OPTIONS", "")), from_env=True)
        opts = parse(argv)
    except UsageError as exc:
        prog = os.path.basename(launcher.exec_path())
        # (Each line after the program's name; a message ending in a newline, as
        # NODE_OPTIONS' do in Node, leaves an empty line.)
        lines = str(exc).split("\n")
        sys.stderr.write(exc.preamble + "".join(f"{prog}: {line}\n" if line else "\n" for line in lines))
        return 9
    if opts.get("help"):
        sys.stdout.write(USAGE)
        return 0
    if opts.get("version"):
        sys.stdout.write(NODE_VERSION + "\n")
        return 0
    exec_path = launcher.exec_path()
    process_argv = [exec_path]
    if opts["script"] not in (None, "-"):
        process_argv.append(os.path.abspath(opts["script"]))
    process_argv += opts["args"]
    sys.stdout.flush()
    # As in node, SIGINT ends the process unless the program listens for it
    # (Python would raise KeyboardInterrupt instead).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal_wrap.default_after_stop()
    merge_freed_blocks()
    # NODE_OPTIONS come first (the command line's win), but only the command
    # line's are process.execArgv.
    realm = Realm(process_argv, opts["exec_argv"], exec_path=exec_path,
                  option_argv=env_opts["exec_argv"] + opts["exec_argv"])
    try:
        for request in env_opts["requires"] + opts["requires"]:
            code = realm.run_preload(request)
            if code is not None:
                return code
        input_type = opts["input_type"] or env_opts["input_type"]
        if opts["eval"] is not None:
            return realm.run_main("eval", opts["eval"], input_type, opts["print"])
        if opts["script"] in (None, "-"):
            source = sys.stdin.read()
            return realm.run_main("stdin", source, input_type)
        return realm.run_main("file", opts["script"])
    finally:
        realm.close()


def merge_freed_blocks() -> None:
    """Turn off glibc malloc's fastbins (mallopt M_MXFAST = 0) in the pynode process.

    QuickJS mallocs and frees each of its objects. With fastbins, freed
    small blocks beyond the per-thread cache stay unmerged until a larger
    request makes malloc consolidate them all at once, scattering what is
    allocated next: a server that opens and closes connections then ran
    ~5-10% slower in wall time for the same work (connection churn; the
    other benchmarks and the idle RSS unchanged). Only the command line
    does this: a Python program using the Runtime keeps its own allocator
    settings. A libc without mallopt is left as it is.
    """
    import ctypes

    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is not None:
        mallopt(M_MXFAST, 0)


def open_closed_stdio() -> None:
    """Give a closed descriptor 0, 1 or 2 /dev/null, as node does at start-up.

    Otherwise the first descriptor the process opens (the loop's) would be
    taken for stdin or stdout. Python left no sys stream for it; one is made.
    """
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, closefd=False))


def restore_blocking(saved: list) -> None:
    """Put stdio descriptors back in the blocking mode they had, as node does at exit.

    Pipe handles make their descriptor non-blocking, which the process at
    the other end of the pipe (or the next one the shell gives it) shares.
    """
    for fd, blocking in enumerate(saved):
        try:
            if os.get_blocking(fd) != blocking:
                os.set_blocking(fd, blocking)
        except OSError:
            pass  # the program closed it


def entry() -> None:
    """Console-script entry point: exits the interpreter with Node's exit code."""
    open_closed_stdio()
    blocking = [os.get_blocking(fd) for fd in range(3)]
    code = main()
    sys.stdout.flush()
    restore_blocking(blocking)
    os._exit(code)
