'use strict';

// Loads Node's streams from the vendored `readable-stream` package (the
// streams team's port of Node's lib/internal/streams, vendored at build time
// under vendor/readable-stream/; see node_compat/build/).
//
// The package's files are used as they are; what they require is mapped
// here: its npm dependencies go to our builtins, the compatibility shims it
// ships (its own copy of the errors table, util, validators, primordials) go
// to ours so errors and messages are Node 23.5's, and files where Node 23.5
// behaves differently from the Node 18 the package tracks go to our own
// modules under internal/streams/.

const PKG = 'vendor/readable-stream/lib';

const aliases = {
  'process/': 'internal/streams/vendor/process',
  'string_decoder/': 'string_decoder',
  'abort-controller': 'internal/abort_controller',
  [`${PKG}/ours/errors`]: 'internal/streams/vendor/errors',
  [`${PKG}/ours/util`]: 'internal/streams/vendor/util',
  [`${PKG}/ours/primordials`]: 'internal/streams/vendor/primordials',
  [`${PKG}/internal/validators`]: 'internal/validators',
  [`${PKG}/internal/streams/state`]: 'internal/streams/state',
  [`${PKG}/internal/streams/writable`]: 'internal/streams/writable',
  [`${PKG}/stream`]: 'stream',
  [`${PKG}/stream/promises`]: 'stream/promises',
};
for (const specifier of Object.keys(aliases)) require.aliasVendored(specifier, aliases[specifier]);

// A module of the package by its path under lib/ (e.g. 'internal/streams/readable').
function vendored(path) {
  return require(`${PKG}/${path}`);
}

module.exports = { vendored };
