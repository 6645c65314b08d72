'use strict';

// Loads the parts of Node's streams still taken from the vendored
// `readable-stream` package (the streams team's port of Node's
// lib/internal/streams, vendored at build time under
// vendor/readable-stream/; see node_compat/build/): compose, duplexify
// (Duplex.from), the operators (map, filter, ...) and Readable.from. None
// of them is on a hot path.
//
// The package's files are used as they are; what they require is mapped
// here: its npm dependencies go to our builtins, the compatibility shims it
// ships (its own copy of the errors table, util, validators, primordials) go
// to ours so errors and messages are Node 23.5's, and the core it is built
// on (Readable, Writable, Duplex, destroy, finished, pipeline...) is our
// own implementation of Node 23.5's streams under internal/streams/.

const PKG = 'vendor/readable-stream/lib';

const aliases = {
  'process/': 'internal/streams/vendor/process',
  'string_decoder/': 'string_decoder',
  'abort-controller': 'internal/abort_controller',
  [`${PKG}/ours/errors`]: 'internal/streams/vendor/errors',
  [`${PKG}/ours/util`]: 'internal/streams/vendor/util',
  [`${PKG}/ours/primordials`]: 'internal/streams/vendor/primordials',
  [`${PKG}/internal/validators`]: 'internal/validators',
  [`${PKG}/stream`]: 'stream',
  [`${PKG}/stream/promises`]: 'stream/promises',
};
for (const name of [
  'add-abort-signal', 'destroy', 'duplex', 'end-of-stream', 'legacy', 'passthrough', 'pipeline',
  'readable', 'state', 'transform', 'utils', 'writable',
]) {
  aliases[`${PKG}/internal/streams/${name}`] = `internal/streams/${name}`;
}
for (const specifier of Object.keys(aliases)) require.aliasVendored(specifier, aliases[specifier]);

// A module of the package by its path under lib/ (e.g. 'internal/streams/compose').
function vendored(path) {
  return require(`${PKG}/${path}`);
}

module.exports = { vendored };
