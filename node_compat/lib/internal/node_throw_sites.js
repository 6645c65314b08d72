'use strict';

// Node's own lines at the top of fatal reports. An error thrown inside Node's
// library and never caught is reported under the line of Node's source that
// threw it ("node:dgram:890\n    throw new ErrnoException(...);\n    ^\n"),
// or, when it comes from a rejection or a failed ES module, under the line
// that made it (the top frame of its stack). pynode's library has other
// lines, so it says which of Node's lines each of its own stands for:
//
// - A library line ending in `// at node:<id>:<line>:<column>` (or in the
//   frames Node shows for it, `// at Socket.connect (node:net:1252:11)`,
//   see modules/node_frames.py) stands for that frame of Node's library: an
//   error whose stack starts at that line is reported at Node's line. The
//   comment is read only when a report is printed, so hot paths pay nothing.
// - Lines of the vendored readable-stream (pinned by version, not ours to
//   edit) are mapped in internal/node_throw_sites/vendored.
// - Where the frame alone cannot tell (Node rethrows from another line, as
//   hideStackFrames does for validators, or one helper of ours serves several
//   of Node's lines), the throwing code records the sites with the error:
//   `throw markThrowSite(err, at, thrownAt)`.
//
// Node's text for each of these lines is in internal/node_throw_sites/lines
// (written by `python -m node_compat.testing.node_lines`).

// (internal/util is required when first needed: it needs the validators,
// which need this module.)
let nodeThrowSites = null;
// (`// at node:net:1252:11`, or `// at Socket.connect (node:net:1252:11)`
// and more frames: the first is where Node's error is made; see
// modules/node_frames.py.)
const kMarker = /\/\/ at (?:[^()|]* )?\(?(node:[\w/.-]+:\d+:\d+)\)?(?: \| .*| calling [\w$.]+)?\s*$/;
const kLocation = /^(node:[\w/.-]+):(\d+):(\d+)$/;
// V8 puts a thrown error's caret on the `throw` of the statement.
const kThrowBefore = /\bthrow\s+(?:new\s+)?[\w$.]*\s*$/;

let lines = null;
let vendored = null;

// "file:line\n<Node's source line>\n<caret>\n" for a location of Node's
// library; with `thrown`, the caret goes to the `throw` left of the column.
// Undefined when Node's line is not known.
function arrowAt(location, thrown) {
  const m = kLocation.exec(location);
  if (m === null) return undefined;
  lines ??= require('internal/node_throw_sites/lines');
  const source = lines[m[1]]?.[m[2]];
  if (source === undefined) return undefined;
  let caret = +m[3] - 1;
  if (thrown) {
    const throwAt = source.slice(0, caret).search(kThrowBefore);
    if (throwAt !== -1) caret = throwAt;
  }
  return `${m[1]}:${m[2]}\n${source}\n${' '.repeat(caret)}^\n`;
}

// Node's frame for line `line` of our library file `file` (a `node:` id), or
// null when that line stands for none.
function nodeFrameOf(file, line) {
  if (file.startsWith('node:vendor/')) {
    vendored ??= require('internal/node_throw_sites/vendored');
    return vendored[file]?.[line] ?? null;
  }
  const source = internalBinding('modules').sourceLine(file, line);
  if (typeof source !== 'string') return null;
  const m = kMarker.exec(source);
  return m === null ? null : m[1];
}

// The user's last `throw` (see internal/process/execution): a site recorded
// after it is a rethrow by the library, which the report shows.
let lastUserThrow = () => null;
function trackUserThrows(getLast) {
  lastUserThrow = getLast;
}

// The sites of one error, as the fatal report reads them (see
// nodeThrowSites): arrows are built only if a report is printed.
class NodeSite {
  constructor(at, thrownAt) {
    this.at = at;
    this.thrownAt = thrownAt;
    this.afterThrow = lastUserThrow();
  }

  get thrown() { return arrowAt(this.thrownAt, true); }

  // Undefined: the error's stack decides; null: Node's error has no frames.
  get rejected() { return this.at == null ? this.at : arrowAt(this.at, false); }
}

// Record for `err` that Node makes it at `at` (a frame: 'node:<id>:<line>:
// <column>'; undefined to let the error's stack decide; null when Node's
// error has no frames) and throws it at `thrownAt`; returns `err`.
function markThrowSite(err, at, thrownAt = at) {
  if ((typeof err === 'object' && err !== null) || typeof err === 'function') {
    nodeThrowSites ??= require('internal/util').nodeThrowSites;
    nodeThrowSites.set(err, new NodeSite(at, thrownAt));
  }
  return err;
}

// Record that `err`, made (and perhaps marked) elsewhere, is thrown again at
// `thrownAt` (as events' emit throws an unhandled 'error'); where it was
// made stays as recorded.
function markRethrow(err, thrownAt) {
  nodeThrowSites ??= require('internal/util').nodeThrowSites;
  return markThrowSite(err, nodeThrowSites.get(err)?.at, thrownAt);
}

// Record for `err` the head V8 gives its report, thrown or rejected, where
// that is no line of Node's (JSON.parse's errors show the JSON text).
function markArrow(err, arrow) {
  nodeThrowSites ??= require('internal/util').nodeThrowSites;
  nodeThrowSites.set(err, { thrown: arrow, rejected: arrow, afterThrow: lastUserThrow() });
  return err;
}

// Node's validators are wrapped in hideStackFrames, which rethrows their
// errors from here; their stacks start at the caller (or at `at`, when that
// caller is not one of our lines). The errors they throw have a class of
// their own (see asHideStackFramesError).
const kHideStackFramesRethrow = 'node:internal/errors:540:7';
let asHideStackFramesError;
function markHiddenValidatorError(err, at = undefined) {
  asHideStackFramesError ??= require('internal/errors').asHideStackFramesError;
  return markThrowSite(asHideStackFramesError(err), at, kHideStackFramesRethrow);
}

module.exports = { arrowAt, markArrow, markHiddenValidatorError, markRethrow, markThrowSite, nodeFrameOf, trackUserThrows };
