'use strict';

// Stands in for readable-stream's own copy of Node's error table
// (`lib/ours/errors.js`): stream errors come from our one ERR_* table, so
// their classes, codes and messages are Node 23.5's.

const { AbortError, codes, hideStackFrames } = require('internal/errors');

// Both errors of a failed operation: the outer one, carrying the inner one
// (Node reports a destroy() failure during an error this way).
function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (Array.isArray(outerError.errors)) {
      outerError.errors.push(innerError);
      return outerError;
    }
    const err = new AggregateError([outerError, innerError], outerError.message);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

module.exports = { AbortError, aggregateTwoErrors, codes, hideStackFrames };
