"""The builtin module names of Node v23.5 (`require('module').builtinModules`).

Those pynode does not implement yet still resolve as builtins, so a program
that needs one fails with ERR_UNKNOWN_BUILTIN_MODULE rather than a search of
node_modules for a package of that name.
"""

from __future__ import annotations

# Reachable without the `node:` scheme (Node's scheme-only ones are test,
# test/reporters, sqlite and sea).
NODE_BUILTINS = frozenset("""
_http_agent _http_client _http_common _http_incoming _http_outgoing _http_server
_stream_duplex _stream_passthrough _stream_readable _stream_transform _stream_wrap
_stream_writable _tls_common _tls_wrap assert assert/strict async_hooks buffer
child_process cluster console constants crypto dgram diagnostics_channel dns
dns/promises domain events fs fs/promises http http2 https inspector
inspector/promises module net os path path/posix path/win32 perf_hooks process
punycode querystring readline readline/promises repl stream stream/consumers
stream/promises stream/web string_decoder sys timers timers/promises tls
trace_events tty url util util/types v8 vm wasi worker_threads zlib
""".split())
