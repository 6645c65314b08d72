'use strict';

// Where Node 23.5 throws assert's errors from. When such an error is not
// caught, Node's fatal report starts with that line of its own source
// ("node:assert:126\n  throw new AssertionError(obj);\n  ^\n"); pynode's
// sources differ, so the line is recorded for the report (in a WeakMap: the
// error may be the user's own, rethrown).

const { nodeThrowSites } = require('internal/util');

const missingArgs = "    throw new ERR_MISSING_ARGS('actual', 'expected');";

// name -> [file, line, source line, caret column]
const kSites = {
  __proto__: null,
  innerFail: ['node:assert', 126, '  throw new AssertionError(obj);', 2],
  fail: ['node:assert', 173, '  throw err;', 2],
  innerFailMessage: ['node:assert', 124, '  if (obj.message instanceof Error) throw obj.message;', 36],
  failMessage: ['node:assert', 160, '  if (message instanceof Error) throw message;', 32],
  ok: ['node:internal/assert/utils', 281, '    throw err;', 4],
  okMessage: ['node:internal/assert/utils', 270, '      throw message;', 6],
  compareExceptionKey: ['node:assert', 684, '      throw err;', 6],
  primitiveException: ['node:assert', 723, '      throw err;', 6],
  emptyMatcher: ['node:assert', 732, "        throw new ERR_INVALID_ARG_VALUE('error',", 8],
  expectedException: ['node:assert', 798, '    throw err;', 4],
  errorStringWithMessage: ['node:assert', 850, "      throw new ERR_INVALID_ARG_TYPE('error',", 6],
  ambiguousMessage: ['node:assert', 856, '        throw new ERR_AMBIGUOUS_ARGUMENT(', 8],
  ambiguousError: ['node:assert', 862, '      throw new ERR_AMBIGUOUS_ARGUMENT(', 6],
  errorType: ['node:assert', 872, "    throw new ERR_INVALID_ARG_TYPE('error',", 4],
  expectedType: ['node:assert', 905, '    throw new ERR_INVALID_ARG_TYPE(', 4],
  ifError: ['node:assert', 1040, '    throw newErr;', 4],
  matchRegExpType: ['node:assert', 1046, '    throw new ERR_INVALID_ARG_TYPE(', 4],
  matchMessage: ['node:assert', 1054, '      throw message;', 6],
  match: ['node:assert', 1075, '    throw err;', 4],
  validateFunction: ['node:internal/errors', 540, '      throw error;', 6],
  verify: ['node:internal/assert/calltracker', 146, '    throw new AssertionError({', 4],
  unwanted: ['node:assert', 941, '  throw actual;', 2],
  // Thrown in an async function, so reported as rejections: V8 then puts
  // the caret where the error was made.
  returnValue: ['node:assert', 829, "      throw new ERR_INVALID_RETURN_VALUE('instance of Promise',", 12],
  promiseFnType: ['node:assert', 835, '    throw new ERR_INVALID_ARG_TYPE(', 10],
  // A rejection from assert.rejects/doesNotReject: its stack has no frames
  // (the assert function is not on the stack after the await), so Node
  // shows where it raises unhandled rejections.
  rejection: ['node:internal/process/promises', 394, '    triggerUncaughtException(err, true /* fromPromise */);', 4],
  equal: ['node:assert', 202, missingArgs, 4],
  notEqual: ['node:assert', 226, missingArgs, 4],
  deepEqual: ['node:assert', 249, missingArgs, 4],
  notDeepEqual: ['node:assert', 272, missingArgs, 4],
  deepStrictEqual: ['node:assert', 297, missingArgs, 4],
  notDeepStrictEqual: ['node:assert', 322, missingArgs, 4],
  strictEqual: ['node:assert', 345, missingArgs, 4],
  notStrictEqual: ['node:assert', 367, missingArgs, 4],
  partialDeepStrictEqual: ['node:assert', 637, missingArgs, 4],
};

function setArrow(err, file, line, source, column) {
  nodeThrowSites.set(err, `${file}:${line}\n${source}\n${' '.repeat(column)}^\n`);
  return err;
}

// Sites that rethrow a value the caller gave (an error passed as the
// message, or the exception doesNotThrow did not want).
const kRethrown = new Set(['innerFailMessage', 'failMessage', 'okMessage', 'matchMessage', 'unwanted']);

// The site name each marked error was given.
const siteNames = new WeakMap();

function isObject(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

// Records the throw site `name` for `err` and returns `err`.
function markThrowSite(err, name) {
  if (!isObject(err)) return err;
  const { 0: file, 1: line, 2: source, 3: column } = kSites[name];
  siteNames.set(err, name);
  return setArrow(err, file, line, source, column);
}

// An error assert made itself (not a value it rethrows) and where from.
function ownErrorSite(err) {
  const name = isObject(err) ? siteNames.get(err) : undefined;
  return name === undefined || kRethrown.has(name) ? undefined : name;
}

// The same error, rejected from an async function (rejects/doesNotReject):
// the report then shows, for errors assert made, the `new` that made them,
// and for a caller's value, where that value was made.
function markAsRejection(err, name) {
  if (!isObject(err)) return err;
  if (kRethrown.has(name)) {
    siteNames.delete(err);
    nodeThrowSites.delete(err);
    return err;
  }
  const { 0: file, 1: line, 2: source, 3: column } = kSites[name];
  siteNames.set(err, name);
  const made = source.indexOf('new ', column);
  return setArrow(err, file, line, source, made === -1 ? column : made);
}

function throwSiteOf(err) {
  return isObject(err) ? siteNames.get(err) : undefined;
}

module.exports = { markAsRejection, markThrowSite, ownErrorSite, throwSiteOf };
