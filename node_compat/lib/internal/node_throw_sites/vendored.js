'use strict';

// Node's frames for lines of the vendored readable-stream (see
// internal/node_throw_sites): its files cannot carry our `// at` comments,
// and they are pinned by version, so their lines are mapped here:
// vendored module id -> { line: Node's frame }.

module.exports = {
  __proto__: null,
};
