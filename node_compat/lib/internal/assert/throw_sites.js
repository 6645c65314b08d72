'use strict';

// Where Node 23.5 throws assert's errors from. When such an error is not
// caught, Node's fatal report starts with that line of its own source
// ("node:assert:126\n  throw new AssertionError(obj);\n  ^\n"); pynode's
// sources differ, so the line is recorded for the report (in a WeakMap: the
// error may be the user's own, rethrown).

const { nodeThrowSites } = require('internal/util');
const { AssertionError } = require('internal/assert/assertion_error');

const missingArgs = "    throw new ERR_MISSING_ARGS('actual', 'expected');";

// name -> [file, line, source line, caret column]
const kSites = {
  __proto__: null,
  innerFail: ['node:assert', 126, '  throw new AssertionError(obj);', 2],
  fail: ['node:assert', 173, '  throw err;', 2],
  innerFailMessage: ['node:assert', 124, '  if (obj.message instanceof Error) throw obj.message;', 36],
  failMessage: ['node:assert', 160, '  if (message instanceof Error) throw message;', 32],
  ok: ['node:internal/assert/utils', 281, '    throw err;', 4],
  noFrame: ['node:internal/assert/utils', 173, '  let filename = call.getFileName();', 22],
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
  // (Thrown in async functions: always reported as rejections.)
  returnValue: ['node:assert', 829, "      throw new ERR_INVALID_RETURN_VALUE('instance of Promise',", 6],
  promiseFnType: ['node:assert', 835, '    throw new ERR_INVALID_ARG_TYPE(', 4],
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

// Sites that rethrow a value the caller gave (an error passed as the
// message, or the exception doesNotThrow did not want). Reported through a
// promise, such a value shows where it was made, as any error would.
const kRethrown = new Set(['innerFailMessage', 'failMessage', 'okMessage', 'matchMessage', 'unwanted']);

// Errors assert made itself (not values it rethrows).
const ownErrors = new WeakSet();

function isObject(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

// Records the throw site `name` for `err` and returns `err`. Reported
// through a promise (or a failed ES module), an AssertionError has no
// location in Node (its stack is captured with no frames, then replaced),
// and any other error shows the `new` that made it.
function markThrowSite(err, name) {
  if (!isObject(err)) return err;
  const { 0: file, 1: line, 2: source, 3: column } = kSites[name];
  const arrow = (caret) => `${file}:${line}\n${source}\n${' '.repeat(caret)}^\n`;
  let rejected;
  if (!kRethrown.has(name)) {
    ownErrors.add(err);
    if (err instanceof AssertionError) {
      rejected = null;
    } else {
      const made = source.indexOf('new ', column);
      rejected = arrow(made === -1 ? column : made);
    }
  }
  nodeThrowSites.set(err, { thrown: arrow(column), rejected });
  return err;
}

function isOwnError(err) {
  return isObject(err) && ownErrors.has(err);
}

module.exports = { isOwnError, markThrowSite };
