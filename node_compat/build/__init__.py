"""Build-time support: vendoring pinned npm packages into the Python package.

Some builtins are published ports of Node's own modules (the streams team's
`readable-stream`). They are pinned in `vendor-lock.json`, fetched from the
npm registry with plain Python when the package is built, checked against
their sha512 integrity and copied under `node_compat/lib/vendor/`, so that
neither npm nor the network is needed at run time.
"""
